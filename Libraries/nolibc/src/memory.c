/* memrchr; the other mem* functions of string.h are per architecture
 * (x86_64/memory_copy.c, x86_64/memory_scan.c). A byte loop: clear and
 * correct; -ffreestanding keeps the compiler from turning it back into a
 * call to itself. */
#include <string.h>

void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	while (n--)
		if (p[n] == (unsigned char)c)
			return (void *)(p + n);
	return 0;
}
