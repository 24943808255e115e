/* What the Swift code sees of C: the configuration. */
#include <unikit/config.h>
