/* The strto* family (one parser for the digits, one clamp per type) and
 * the ato* functions over it. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 36;
}

static int is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Skips a "0x" prefix where base 16 allows it, and settles base 0. */
static const char *parse_prefix(const char *s, int *base)
{
	int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16;

	if ((*base == 0 || *base == 16) && hex) {
		*base = 16;
		return s + 2;
	}
	if (*base == 0)
		*base = s[0] == '0' ? 8 : 10;
	return s;
}

/* Parses [blanks][sign][prefix]digits. Returns the magnitude, saturated at
 * ULLONG_MAX with *overflow set; *end is past the digits, or `s` if none. */
static unsigned long long parse(const char *s, char **end, int base, int *negative, int *overflow)
{
	const char *p = s, *digits;
	unsigned long long value = 0;

	*negative = 0;
	*overflow = 0;
	while (is_space(*p))
		p++;
	if (*p == '+' || *p == '-')
		*negative = *p++ == '-';
	digits = p = parse_prefix(p, &base);
	for (int d; (d = digit_value(*p)) < base; p++) {
		if (value > (ULLONG_MAX - (unsigned)d) / (unsigned)base)
			*overflow = 1;
		value = *overflow ? ULLONG_MAX : value * (unsigned)base + (unsigned)d;
	}
	if (end)
		*end = (char *)(p == digits ? s : p);
	return value;
}

static int valid_base(int base)
{
	if (base == 0 || (base >= 2 && base <= 36))
		return 1;
	errno = EINVAL;
	return 0;
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	int negative, overflow;
	unsigned long long magnitude, limit;

	if (!valid_base(base)) {
		if (end)
			*end = (char *)s;
		return 0;
	}
	magnitude = parse(s, end, base, &negative, &overflow);
	limit = negative ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
	if (overflow || magnitude > limit) {
		errno = ERANGE;
		return negative ? LLONG_MIN : LLONG_MAX;
	}
	return negative ? (long long)(0 - magnitude) : (long long)magnitude;
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	int negative, overflow;
	unsigned long long magnitude;

	if (!valid_base(base)) {
		if (end)
			*end = (char *)s;
		return 0;
	}
	magnitude = parse(s, end, base, &negative, &overflow);
	if (overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return negative ? 0 - magnitude : magnitude;
}

/* long and long long have the same width on the targets unikit supports. */
_Static_assert(sizeof(long) == sizeof(long long), "strtol relies on LP64");

long strtol(const char *restrict s, char **restrict end, int base)
{
	return (long)strtoll(s, end, base);
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return (unsigned long)strtoull(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, 0, 10);
}

long atol(const char *s)
{
	return strtol(s, 0, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, 0, 10);
}
