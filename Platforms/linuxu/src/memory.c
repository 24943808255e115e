/* The linuxu heap: one anonymous mapping of CONFIG_LINUXU_HEAP_SIZE_MB. */
#include <unikit/config.h>
#include <linuxu/syscall.h>
#include <ukplat/memory.h>

#define PROT_READ_WRITE 0x3
#define MAP_PRIVATE_ANONYMOUS 0x22
#define MAP_NORESERVE 0x4000

size_t ukplat_heap_region(void **base)
{
	size_t len = (size_t)CONFIG_LINUXU_HEAP_SIZE_MB << 20;
	long addr = linuxu_syscall6(LINUXU_SYS_MMAP, 0, (long)len, PROT_READ_WRITE,
				    MAP_PRIVATE_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (LINUXU_IS_ERROR(addr))
		return 0;
	*base = (void *)addr;
	return len;
}
