/* What a failed assert() calls: a panic, whose backtrace starts here. */
#include <assert.h>
#include <ukdebug/panic.h>

void __assert_fail(const char *expr, const char *file, unsigned int line, const char *function)
{
	uk_panic("assertion failed: %s (%s:%u, %s)", expr, file, line, function);
}
