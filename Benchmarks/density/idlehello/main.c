/* Greets, idles for argv[1] milliseconds (default 3000), says goodbye. */
#include <stdio.h>
#include <stdlib.h>
#include <uktime/time.h>

int main(int argc, char *argv[])
{
	long milliseconds = argc > 1 ? atol(argv[1]) : 3000;

	printf("hello, idling %ld ms\n", milliseconds);
	uk_time_sleep_ns((uint64_t)milliseconds * 1000000);
	printf("goodbye\n");
	return 0;
}
