/* The environment: images have none. */
#include <stdlib.h>

char *getenv(const char *name)
{
	(void)name;
	return 0;
}
