/* abs and div for int, long and long long. C99 division truncates toward
 * zero, which is what the quotient and remainder are here. */
#include <stdlib.h>

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

div_t div(int numer, int denom)
{
	return (div_t){ numer / denom, numer % denom };
}

ldiv_t ldiv(long numer, long denom)
{
	return (ldiv_t){ numer / denom, numer % denom };
}

lldiv_t lldiv(long long numer, long long denom)
{
	return (lldiv_t){ numer / denom, numer % denom };
}
