/* stdlib.h: allocation through ukalloc, exit through ukboot. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ukalloc/alloc.h>
#include <ukboot/exit.h>
#include <ukconsole/console.h>
#include <ukconsole/print.h>
#include <ukplat/exit.h>

/* The status a shell shows for a process killed by SIGABRT. */
#define ABORT_STATUS 134

void *malloc(size_t size)
{
	void *p = uk_malloc(size);

	if (!p)
		errno = ENOMEM;
	return p;
}

void *calloc(size_t count, size_t size)
{
	void *p;

	if (size != 0 && count > SIZE_MAX / size) {
		errno = ENOMEM;
		return 0;
	}
	p = malloc(count * size);
	if (p)
		memset(p, 0, count * size);
	return p;
}

void *realloc(void *ptr, size_t size)
{
	size_t old;
	void *p;

	if (!ptr)
		return malloc(size);
	old = uk_usable_size(ptr);
	if (size <= old)
		return ptr;
	p = malloc(size);
	if (p) {
		memcpy(p, ptr, old);
		uk_free(ptr);
	}
	return p;
}

void free(void *ptr)
{
	uk_free(ptr);
}

int posix_memalign(void **ptr, size_t align, size_t size)
{
	void *p;

	if (align < sizeof(void *) || (align & (align - 1)) != 0)
		return EINVAL;
	p = uk_memalign(align, size);
	if (!p)
		return ENOMEM;
	*ptr = p;
	return 0;
}

void *aligned_alloc(size_t align, size_t size)
{
	void *p = uk_memalign(align, size);

	if (!p)
		errno = ENOMEM;
	return p;
}

void exit(int status)
{
	ukboot_exit(status);
}

void abort(void)
{
	uk_printf("abort() called\n");
	uk_console_flush();
	ukplat_exit(ABORT_STATUS);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

int atoi(const char *s)
{
	return (int)strtol(s, 0, 10);
}

long atol(const char *s)
{
	return strtol(s, 0, 10);
}
