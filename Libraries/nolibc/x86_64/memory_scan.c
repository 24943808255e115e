/*
 * memchr, memcmp and strlen with x86 string instructions (`repne scasb`,
 * `repe cmpsb`): where every guest instruction is emulated (KVM's emulator
 * on PVM), a step of a string instruction costs about 0.5 µs and a byte
 * loop's 5 instructions about 3.5 µs, so these scan ~6 times faster; on
 * hardware they are as fast as a loop for the short strings they see.
 * The direction flag is clear on entry (SysV ABI).
 */
#include <string.h>

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	if (n == 0)
		return 0;
	/* Stops one past the first match, or past the last byte. */
	__asm__ volatile("repne scasb" : "+D"(p), "+c"(n) : "a"(c) : "memory", "cc");
	return p[-1] == (unsigned char)c ? (void *)(p - 1) : 0;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	if (n == 0)
		return 0;
	/* Stops one past the first difference, or past the last bytes,
	 * which are then equal: either way the last pair decides. */
	__asm__ volatile("repe cmpsb" : "+S"(x), "+D"(y), "+c"(n) : : "memory", "cc");
	return x[-1] - y[-1];
}

size_t strlen(const char *s)
{
	const char *p = s;
	size_t limit = (size_t)-1;

	__asm__ volatile("repne scasb" : "+D"(p), "+c"(limit) : "a"(0) : "memory", "cc");
	return (size_t)(p - s) - 1;
}
