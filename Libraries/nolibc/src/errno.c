/* errno's storage. One thread of execution so far: a plain variable. */
#include <errno.h>

static int errno_value;

int *__errno_location(void)
{
	return &errno_value;
}
