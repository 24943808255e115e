/* strtok_r and strtok: splitting a string in place at delimiters. */
#include <string.h>

char *strtok_r(char *restrict s, const char *restrict delims, char **restrict saveptr)
{
	char *token;

	if (!s)
		s = *saveptr;
	s += strspn(s, delims);
	if (!*s) {
		*saveptr = s;
		return 0;
	}
	token = s;
	s += strcspn(s, delims);
	if (*s)
		*s++ = '\0';
	*saveptr = s;
	return token;
}

char *strtok(char *restrict s, const char *restrict delims)
{
	static char *next;

	return strtok_r(s, delims, &next);
}
