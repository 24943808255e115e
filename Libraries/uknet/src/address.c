/* IPv4 addresses as text: dotted decimal, nothing else (no 10.1, no hex). */
#include <errno.h>
#include <uknet/net.h>

int uknet_parse_ipv4(const char *text, uint32_t *address)
{
	uint32_t result = 0;

	for (int part = 0; part < 4; part++) {
		uint32_t value = 0;
		int digits = 0;

		if (part > 0 && *text++ != '.')
			return -EINVAL;
		for (; *text >= '0' && *text <= '9'; text++, digits++)
			if (digits == 3 || (value = value * 10 + (uint32_t)(*text - '0')) > 255)
				return -EINVAL;
		if (digits == 0)
			return -EINVAL;
		result = result << 8 | value;
	}
	if (*text)
		return -EINVAL;
	*address = result;
	return 0;
}

char *uknet_format_ipv4(uint32_t address, char text[UKNET_IPV4_TEXT_MAX])
{
	char *p = text;

	for (int shift = 24; shift >= 0; shift -= 8) {
		unsigned value = (address >> shift) & 0xff;

		if (value >= 100)
			*p++ = (char)('0' + value / 100);
		if (value >= 10)
			*p++ = (char)('0' + value / 10 % 10);
		*p++ = (char)('0' + value % 10);
		*p++ = shift ? '.' : '\0';
	}
	return text;
}
