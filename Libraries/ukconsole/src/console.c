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

void uk_console_write(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++)
		uk_console_putc(buf[i]);
}

UK_TERM(uk_console_flush, UK_TERM_CLASS_LATE);
