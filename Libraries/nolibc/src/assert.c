/* What a failed assert() calls. */
#include <assert.h>
#include <ukconsole/console.h>
#include <ukconsole/print.h>
#include <ukplat/exit.h>

/* UK_EXIT_PANIC of ukdebug/panic.h: a failed assertion is a panic. */
#define ASSERT_EXIT_STATUS 120

void __assert_fail(const char *expr, const char *file, unsigned int line, const char *function)
{
	uk_printf("assertion failed: %s (%s:%u, %s)\n", expr, file, line, function);
	uk_console_flush();
	ukplat_exit(ASSERT_EXIT_STATUS);
}
