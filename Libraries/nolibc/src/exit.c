/* Ending the program: exit through ukboot's term functions; abort as a
 * panic (message, backtrace, status UK_EXIT_PANIC, as SIGABRT would). */
#include <stdlib.h>
#include <ukboot/exit.h>
#include <ukdebug/panic.h>

void exit(int status)
{
	ukboot_exit(status);
}

void abort(void)
{
	uk_panic("abort() called");
}
