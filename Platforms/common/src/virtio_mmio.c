/* Parsing virtio_mmio.device= arguments (ukplat/virtio_mmio.h). */
#include <ukplat/virtio_mmio.h>

static const char prefix[] = "virtio_mmio.device=";

/* A number in C notation (0x hex, 0 octal, decimal) with an optional K, M
 * or G suffix, as Linux's memparse reads it; NULL on a malformed one. */
static const char *parse_number(const char *s, uint64_t *value)
{
	uint64_t base = 10, result = 0;
	const char *start;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	else if (s[0] == '0' && s[1] >= '0' && s[1] <= '7')
		base = 8, s++;
	start = s;
	for (;; s++) {
		uint64_t digit;

		if (*s >= '0' && *s <= '9')
			digit = (uint64_t)(*s - '0');
		else if (base == 16 && ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f'))
			digit = (uint64_t)((*s | 0x20) - 'a' + 10);
		else
			break;
		if (digit >= base || result > (UINT64_MAX - digit) / base)
			return 0;
		result = result * base + digit;
	}
	if (s == start)
		return 0;
	switch (*s) {
	case 'G': case 'g': result <<= 10; /* fall through */
	case 'M': case 'm': result <<= 10; /* fall through */
	case 'K': case 'k': result <<= 10; s++;
	}
	*value = result;
	return s;
}

int ukplat_virtio_mmio_parse(const char *arg, struct ukplat_virtio_mmio_device *device)
{
	uint64_t size, base, irq, id = 0;
	size_t i;

	for (i = 0; prefix[i]; i++)
		if (arg[i] != prefix[i])
			return 0;
	arg += i;
	if (!(arg = parse_number(arg, &size)) || *arg++ != '@' || !(arg = parse_number(arg, &base)) ||
	    *arg++ != ':' || !(arg = parse_number(arg, &irq)))
		return -1;
	if (*arg == ':' && !(arg = parse_number(arg + 1, &id)))
		return -1;
	if (*arg || size == 0 || base + size < base || irq > UINT32_MAX || id > UINT32_MAX)
		return -1;
	*device = (struct ukplat_virtio_mmio_device){ base, size, (uint32_t)irq, (uint32_t)id };
	return 1;
}
