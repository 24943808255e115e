/* The formatter's two destinations: a bounded buffer and the console. */
#include <ukconsole/console.h>
#include <ukconsole/print.h>

struct buffer_sink {
	char *buf;
	size_t size;
	size_t len;
};

/* Keeps what fits before the terminating NUL's place; counts it all. */
static void buffer_put(const char *run, size_t len, void *context)
{
	struct buffer_sink *sink = context;
	size_t room = sink->len + 1 < sink->size ? sink->size - 1 - sink->len : 0;

	for (size_t i = 0; i < len && i < room; i++)
		sink->buf[sink->len + i] = run[i];
	sink->len += len;
}

int uk_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buffer_sink sink = { .buf = buf, .size = size, .len = 0 };
	int count = uk_vformat(buffer_put, &sink, fmt, ap);

	if (size > 0)
		buf[sink.len < size ? sink.len : size - 1] = '\0';
	return count;
}

int uk_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int count;

	va_start(ap, fmt);
	count = uk_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return count;
}

static void console_put(const char *run, size_t len, void *context)
{
	(void)context;
	uk_console_write(run, len);
}

int uk_vprintf(const char *fmt, va_list ap)
{
	return uk_vformat(console_put, 0, fmt, ap);
}

int uk_printf(const char *fmt, ...)
{
	va_list ap;
	int count;

	va_start(ap, fmt);
	count = uk_vprintf(fmt, ap);
	va_end(ap);
	return count;
}
