/* The allocation functions of stdlib.h, over ukalloc. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ukalloc/alloc.h>

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

/* Alignments below a pointer's, which posix_memalign refuses, are met by
 * every block anyway. */
void *aligned_alloc(size_t align, size_t size)
{
	void *p;
	int error = posix_memalign(&p, align < sizeof(void *) ? sizeof(void *) : align, size);

	if (error) {
		errno = error;
		return 0;
	}
	return p;
}
