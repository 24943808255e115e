/* mmio_nowhere, loading instead of storing: an MMIO read no device answers. */
#define READ
#include "mmio_nowhere.S"
