/* Ending the program: exit through ukboot, abort straight to the platform. */
#include <stdlib.h>
#include <ukboot/exit.h>
#include <ukconsole/console.h>
#include <ukconsole/print.h>
#include <ukplat/exit.h>

/* The status a shell shows for a process killed by SIGABRT. */
#define ABORT_STATUS 134

void exit(int status)
{
	ukboot_exit(status);
}

/* Skips the term functions (the program is in a bad state), but flushes the
 * console so that what it printed last is seen. */
void abort(void)
{
	uk_printf("abort() called\n");
	uk_console_flush();
	ukplat_exit(ABORT_STATUS);
}
