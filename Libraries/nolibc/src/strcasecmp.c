/* strings.h: comparison that ignores the case of ASCII letters. */
#include <ctype.h>
#include <strings.h>

int strncasecmp(const char *a, const char *b, size_t n)
{
	int x = 0, y = 0;

	for (; n; n--, a++, b++) {
		x = tolower((unsigned char)*a);
		y = tolower((unsigned char)*b);
		if (x != y || !x)
			break;
	}
	return n ? x - y : 0;
}

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}
