/* Command-line splitting shared by the platforms that get one string. */
#include <ukplat/boot.h>

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Copies one argument from *src to dst, dropping quotes and escapes, and
 * returns the position after it. dst never runs ahead of src, so the copy
 * can happen in place. */
static char *take_argument(char *src, char *dst)
{
	int quoted = 0;

	for (; *src && (quoted || !is_blank(*src)); src++) {
		if (*src == '"') {
			quoted = !quoted;
		} else if (*src == '\\' && src[1]) {
			*dst++ = *++src;
		} else {
			*dst++ = *src;
		}
	}
	if (*src)
		src++;
	*dst = '\0';
	return src;
}

int ukplat_cmdline_split(char *cmdline, char *argv[], int max)
{
	int count = 0;
	char *pos = cmdline;

	while (count < max) {
		while (is_blank(*pos))
			pos++;
		if (!*pos)
			break;
		argv[count++] = pos;
		pos = take_argument(pos, pos);
	}
	argv[count] = 0;
	return count;
}
