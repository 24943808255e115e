/* printf to stdout and into buffers, over ukconsole's formatter (the
 * stream versions are in stdio.c). */
#include <stdint.h>
#include <stdio.h>
#include <ukconsole/print.h>

int vprintf(const char *restrict fmt, va_list ap)
{
	return uk_vprintf(fmt, ap);
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int count;

	va_start(ap, fmt);
	count = uk_vprintf(fmt, ap);
	va_end(ap);
	return count;
}

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
{
	return uk_vsnprintf(buf, size, fmt, ap);
}

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int count;

	va_start(ap, fmt);
	count = uk_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return count;
}

/* Unbounded: the caller promises the buffer is large enough. */
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return uk_vsnprintf(buf, SIZE_MAX, fmt, ap);
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;
	int count;

	va_start(ap, fmt);
	count = uk_vsnprintf(buf, SIZE_MAX, fmt, ap);
	va_end(ap);
	return count;
}
