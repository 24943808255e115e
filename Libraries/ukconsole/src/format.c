/*
 * The printf-style formatter behind uk_printf and uk_snprintf. It hands its
 * sink runs: the literal text between conversions, each field's digits or
 * string, its padding. One call per run rather than per character: on PVM
 * every guest instruction is emulated, so a call chain per character was
 * most of what printing cost.
 */
#include <stdint.h>
#include <ukconsole/print.h>

/* One conversion specification: %[flags][width][.precision][length]conv */
struct spec {
	int left;      /* '-' */
	int zero;      /* '0' */
	int plus;      /* '+' */
	int space;     /* ' ' */
	int alternate; /* '#' */
	int width;
	int precision; /* -1 when not given */
	char length;   /* 0, 'H' (hh), 'h', 'l', 'L' (ll), 'z', 't', 'j' */
};

struct output {
	uk_format_sink_t sink;
	void *context;
	int count;
};

static void put(struct output *out, const char *run, size_t len)
{
	out->sink(run, len, out->context);
	out->count += (int)len;
}

#define FILL_RUN 16
static const char spaces[FILL_RUN] = "                ";
static const char zeros[FILL_RUN] = "0000000000000000";

/* Puts n copies (none when n <= 0) of the character that `fill`, spaces or
 * zeros, repeats. */
static void put_fill(struct output *out, const char *fill, int n)
{
	for (; n > 0; n -= FILL_RUN)
		put(out, fill, n < FILL_RUN ? n : FILL_RUN);
}

static const char *parse_flags(const char *fmt, struct spec *spec)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-': spec->left = 1; break;
		case '0': spec->zero = 1; break;
		case '+': spec->plus = 1; break;
		case ' ': spec->space = 1; break;
		case '#': spec->alternate = 1; break;
		default: return fmt;
		}
	}
}

/* A width or precision: digits, or '*' taking an int argument. */
static const char *parse_count(const char *fmt, int *count, va_list *ap)
{
	if (*fmt == '*') {
		*count = va_arg(*ap, int);
		return fmt + 1;
	}
	for (*count = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
		*count = *count * 10 + (*fmt - '0');
	return fmt;
}

static const char *parse_length(const char *fmt, struct spec *spec)
{
	if ((fmt[0] == 'h' || fmt[0] == 'l') && fmt[1] == fmt[0]) {
		spec->length = fmt[0] == 'h' ? 'H' : 'L';
		return fmt + 2;
	}
	if (*fmt == 'h' || *fmt == 'l' || *fmt == 'z' || *fmt == 't' || *fmt == 'j')
		spec->length = *fmt++;
	return fmt;
}

static const char *parse_spec(const char *fmt, struct spec *spec, va_list *ap)
{
	*spec = (struct spec){ .precision = -1 };
	fmt = parse_flags(fmt, spec);
	fmt = parse_count(fmt, &spec->width, ap);
	if (spec->width < 0) { /* a negative '*' width means '-' */
		spec->left = 1;
		spec->width = -spec->width;
	}
	if (*fmt == '.') {
		fmt = parse_count(fmt + 1, &spec->precision, ap);
		if (spec->precision < 0)
			spec->precision = -1;
	}
	return parse_length(fmt, spec);
}

static intmax_t signed_argument(const struct spec *spec, va_list *ap)
{
	switch (spec->length) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'z': return va_arg(*ap, long); /* ssize_t */
	case 't': return va_arg(*ap, long); /* ptrdiff_t */
	case 'j': return va_arg(*ap, intmax_t);
	default: return va_arg(*ap, int);
	}
}

static uintmax_t unsigned_argument(const struct spec *spec, va_list *ap)
{
	switch (spec->length) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned int);
	case 'h': return (unsigned short)va_arg(*ap, unsigned int);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, unsigned long); /* size_t */
	case 't': return va_arg(*ap, unsigned long);
	case 'j': return va_arg(*ap, uintmax_t);
	default: return va_arg(*ap, unsigned int);
	}
}

/* The sign of a signed conversion: '-', else '+' or ' ' when asked for. */
static char sign_of(const struct spec *spec, int negative)
{
	return negative ? '-' : spec->plus ? '+' : spec->space ? ' ' : 0;
}

/* Writes `value` in `base`, honouring sign, prefix, precision and width.
 * `sign` is 0 for the unsigned conversions, which ignore '+' and ' '. */
static void format_integer(struct output *out, const struct spec *spec, uintmax_t value,
			   char sign, unsigned base, int upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[24]; /* 2^64 in octal has 22 digits */
	char *first = digits + sizeof(digits); /* filled backwards, lowest digit last */
	const char *prefix = 0;
	int ndigits, nzeros, body;

	if (spec->alternate && base == 16 && value != 0)
		prefix = upper ? "0X" : "0x";
	for (; value != 0 || (first == digits + sizeof(digits) && spec->precision != 0); value /= base)
		*--first = set[value % base];
	ndigits = digits + sizeof(digits) - first;
	nzeros = spec->precision > ndigits ? spec->precision - ndigits : 0;
	if (spec->alternate && base == 8 && nzeros == 0 && (ndigits == 0 || *first != '0'))
		nzeros = 1;
	body = (sign != 0) + (prefix ? 2 : 0) + nzeros + ndigits;
	if (spec->zero && !spec->left && spec->precision < 0 && spec->width > body) {
		nzeros += spec->width - body;
		body = spec->width;
	}
	if (!spec->left)
		put_fill(out, spaces, spec->width - body);
	if (sign)
		put(out, &sign, 1);
	if (prefix)
		put(out, prefix, 2);
	put_fill(out, zeros, nzeros);
	if (ndigits > 0)
		put(out, first, ndigits);
	if (spec->left)
		put_fill(out, spaces, spec->width - body);
}

static void format_string(struct output *out, const struct spec *spec, const char *s)
{
	int len = 0;

	while (s[len] && (spec->precision < 0 || len < spec->precision))
		len++;
	if (!spec->left)
		put_fill(out, spaces, spec->width - len);
	if (len > 0)
		put(out, s, len);
	if (spec->left)
		put_fill(out, spaces, spec->width - len);
}

/* A null pointer reads as glibc prints it, with the field's width. */
static void format_pointer(struct output *out, struct spec *spec, void *p)
{
	if (!p) {
		spec->precision = -1;
		format_string(out, spec, "(nil)");
		return;
	}
	spec->alternate = 1;
	format_integer(out, spec, (uintptr_t)p, 0, 16, 0);
}

static void format_char(struct output *out, const struct spec *spec, char c)
{
	if (!spec->left)
		put_fill(out, spaces, spec->width - 1);
	put(out, &c, 1);
	if (spec->left)
		put_fill(out, spaces, spec->width - 1);
}

static void format_conversion(struct output *out, struct spec *spec, char conv, va_list *ap)
{
	const char as_written[2] = { '%', conv };

	switch (conv) {
	case 'd':
	case 'i': {
		intmax_t v = signed_argument(spec, ap);

		format_integer(out, spec, v < 0 ? -(uintmax_t)v : (uintmax_t)v, sign_of(spec, v < 0),
			       10, 0);
		break;
	}
	case 'u': format_integer(out, spec, unsigned_argument(spec, ap), 0, 10, 0); break;
	case 'o': format_integer(out, spec, unsigned_argument(spec, ap), 0, 8, 0); break;
	case 'x': format_integer(out, spec, unsigned_argument(spec, ap), 0, 16, 0); break;
	case 'X': format_integer(out, spec, unsigned_argument(spec, ap), 0, 16, 1); break;
	case 'p': format_pointer(out, spec, va_arg(*ap, void *)); break;
	case 'c': format_char(out, spec, (char)va_arg(*ap, int)); break;
	case 's': {
		const char *s = va_arg(*ap, const char *);

		format_string(out, spec, s ? s : "(null)");
		break;
	}
	case '%': put(out, "%", 1); break;
	case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
		/* No floating point: skip the argument so that the next ones stay
		 * in place, and show the conversion. C built for these images
		 * (-mgeneral-regs-only) passes a double as a 64-bit integer. */
		(void)va_arg(*ap, uint64_t);
		put(out, as_written, 2);
		break;
	default: /* unknown: show it as written */
		put(out, as_written, conv ? 2 : 1);
	}
}

int uk_vformat(uk_format_sink_t sink, void *context, const char *fmt, va_list ap)
{
	struct output out = { .sink = sink, .context = context, .count = 0 };
	struct spec spec;
	va_list args;

	va_copy(args, ap); /* so that helpers can take its address */
	while (*fmt) {
		const char *text = fmt;

		while (*fmt && *fmt != '%')
			fmt++;
		if (fmt > text)
			put(&out, text, fmt - text);
		if (!*fmt)
			break;
		fmt = parse_spec(fmt + 1, &spec, &args);
		format_conversion(&out, &spec, *fmt, &args);
		if (*fmt)
			fmt++;
	}
	va_end(args);
	return out.count;
}
