/* The heap region found by the start code. */
#include <ukplat/memory.h>

#include "kvm.h"

size_t ukplat_heap_region(void **base)
{
	if (kvm_boot.heap_end <= kvm_boot.heap_start)
		return 0;
	*base = (void *)kvm_boot.heap_start;
	return kvm_boot.heap_end - kvm_boot.heap_start;
}
