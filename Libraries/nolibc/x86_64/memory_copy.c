/*
 * memcpy, memmove and memset with x86 string instructions: eight bytes per
 * `rep movsq`/`rep stosq` step, then `rep movsb`/`rep stosb` for the last
 * 0-7. Where every guest instruction is emulated (KVM's emulator on
 * PVM), each step of a string instruction costs about one instruction of a
 * loop: a byte loop (5 instructions a byte) copies 1472 bytes in ~6.3 ms,
 * `rep movsb` in ~1.4 ms, this in ~0.2 ms; on hardware they are as fast as
 * a loop at these sizes. The direction flag is clear on entry (SysV ABI)
 * and is left clear.
 */
#include <stdint.h>
#include <string.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	void *d = dst;
	size_t words = n / 8, tail = n % 8;

	__asm__ volatile("rep movsq\n\t"
			 "mov %[tail], %%rcx\n\t"
			 "rep movsb"
			 : "+D"(d), "+S"(src), "+c"(words)
			 : [tail] "r"(tail)
			 : "memory");
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	size_t words = n / 8, head = n % 8;
	const char *s;
	char *d;

	if ((uintptr_t)dst - (uintptr_t)src >= n) /* no overlap, or dst before src */
		return memcpy(dst, src, n);
	/* The destination overlaps the source's end: copy from the last word
	 * down (direction flag set), then the 0-7 bytes left at the start,
	 * from the last of them down. */
	s = (const char *)src + n - 8;
	d = (char *)dst + n - 8;
	__asm__ volatile("std\n\t"
			 "rep movsq\n\t"
			 "add $7, %%rsi\n\t"
			 "add $7, %%rdi\n\t"
			 "mov %[head], %%rcx\n\t"
			 "rep movsb\n\t"
			 "cld"
			 : "+D"(d), "+S"(s), "+c"(words)
			 : [head] "r"(head)
			 : "memory", "cc");
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	void *d = dst;
	uint64_t pattern = (uint8_t)c * 0x0101010101010101ULL;
	size_t words = n / 8, tail = n % 8;

	__asm__ volatile("rep stosq\n\t"
			 "mov %[tail], %%rcx\n\t"
			 "rep stosb"
			 : "+D"(d), "+c"(words)
			 : "a"(pattern), [tail] "r"(tail)
			 : "memory");
	return dst;
}
