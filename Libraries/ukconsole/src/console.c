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

/* Sends out the line uk_console_putc just ended and returns its last
 * character. Called last, as a separate function: then uk_console_putc's
 * common path (append, compare, return) needs no saved register. On PVM
 * every guest instruction is emulated, and Swift's print comes through
 * uk_console_putc for each character. */
__attribute__((noinline)) static int send_finished_line(void)
{
	unsigned char last = (unsigned char)line[line_len - 1];

	uk_console_flush();
	return last;
}

int uk_console_putc(int c)
{
	unsigned char byte = (unsigned char)c;

	line[line_len++] = (char)byte;
	if (byte == '\n' || line_len == sizeof(line))
		return send_finished_line();
	return byte;
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
