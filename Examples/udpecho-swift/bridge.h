/* What the Swift code sees of C: uknet's API. */
#include <uknet/net.h>
#include <uknet/socket.h>
