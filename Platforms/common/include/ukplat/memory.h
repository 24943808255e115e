/* Free memory for the allocator, provided by each platform. */
#ifndef UKPLAT_MEMORY_H
#define UKPLAT_MEMORY_H

#include <stddef.h>

/* Returns the length of the free RAM region the image may use as heap and
 * stores its start in *base; 0 when there is none. */
size_t ukplat_heap_region(void **base);

#endif
