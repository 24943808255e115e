/*
 * stdout and stderr: both write to the console's line buffer; stderr sends
 * the buffer out after each call, so that its messages are never held back.
 */
#include <stdio.h>
#include <string.h>
#include <ukconsole/console.h>
#include <ukconsole/print.h>

struct nolibc_file {
	int unbuffered;
};

FILE __nolibc_stdout = { .unbuffered = 0 };
FILE __nolibc_stderr = { .unbuffered = 1 };

/* What every call ends with. */
static void written(FILE *stream)
{
	if (stream->unbuffered)
		uk_console_flush();
}

int fflush(FILE *stream)
{
	(void)stream;
	uk_console_flush();
	return 0;
}

int fputc(int c, FILE *stream)
{
	c = uk_console_putc(c);
	written(stream);
	return c;
}

int putc(int c, FILE *stream)
{
	return fputc(c, stream);
}

/* stdout keeps its line buffered (written() does nothing for it), so this
 * is a tail call: Embedded Swift prints each character with putchar. */
int putchar(int c)
{
	return uk_console_putc(c);
}

int fputs(const char *restrict s, FILE *restrict stream)
{
	uk_console_write(s, strlen(s));
	written(stream);
	return 0;
}

int puts(const char *s)
{
	uk_console_write(s, strlen(s));
	uk_console_putc('\n');
	return 0;
}

size_t fwrite(const void *restrict ptr, size_t size, size_t count, FILE *restrict stream)
{
	uk_console_write(ptr, size * count);
	written(stream);
	return size ? count : 0;
}

int vfprintf(FILE *restrict stream, const char *restrict fmt, va_list ap)
{
	int count = uk_vprintf(fmt, ap);

	written(stream);
	return count;
}

int fprintf(FILE *restrict stream, const char *restrict fmt, ...)
{
	va_list ap;
	int count;

	va_start(ap, fmt);
	count = vfprintf(stream, fmt, ap);
	va_end(ap);
	return count;
}
