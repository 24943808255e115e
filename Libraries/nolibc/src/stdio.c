/* stdio.h: everything goes to the console through ukconsole. */
#include <stdio.h>
#include <ukconsole/console.h>
#include <ukconsole/print.h>

int vprintf(const char *fmt, va_list ap)
{
	return uk_vprintf(fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int count;

	va_start(ap, fmt);
	count = uk_vprintf(fmt, ap);
	va_end(ap);
	return count;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return uk_vsnprintf(buf, size, fmt, ap);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int count;

	va_start(ap, fmt);
	count = uk_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return count;
}

int putchar(int c)
{
	uk_console_putc((char)c);
	return (unsigned char)c;
}

int puts(const char *s)
{
	while (*s)
		uk_console_putc(*s++);
	uk_console_putc('\n');
	return 1;
}
