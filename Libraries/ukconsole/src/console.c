/* The console line buffer in front of the platform's console. */
#include <unikit/config.h>
#include <ukboot/init.h>
#include <ukconsole/console.h>
#include <ukplat/console.h>

static char line[CONFIG_LIBUKCONSOLE_LINE_SIZE];
static size_t line_len;

void uk_console_flush(void)
{
	if (line_len == 0)
		return;
	ukplat_console_write(line, line_len);
	line_len = 0;
}

void uk_console_putc(char c)
{
	line[line_len++] = c;
	if (c == '\n' || line_len == sizeof(line))
		uk_console_flush();
}

/* Copies a run at a time, up to a newline or the end of the buffer: on PVM
 * every guest instruction is emulated, and this loop is the whole per-byte
 * cost of console output. */
void uk_console_write(const char *buf, size_t len)
{
	while (len > 0) {
		size_t room = sizeof(line) - line_len;
		size_t n = len < room ? len : room;
		char *to = line + line_len;
		size_t copied = 0;
		char last;

		do
			last = to[copied] = buf[copied];
		while (++copied < n && last != '\n');
		line_len += copied;
		buf += copied;
		len -= copied;
		if (last == '\n' || line_len == sizeof(line))
			uk_console_flush();
	}
}

UK_TERM(uk_console_flush, UK_TERM_CLASS_LATE);
