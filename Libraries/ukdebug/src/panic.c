/* uk_panic: the message, a backtrace from the caller, then the exit. */
#include <stdarg.h>
#include <ukconsole/print.h>
#include <ukdebug/panic.h>
#include <ukplat/crash.h>

void uk_panic(const char *fmt, ...)
{
	va_list ap;

	uk_printf("PANIC: ");
	va_start(ap, fmt);
	uk_vprintf(fmt, ap);
	va_end(ap);
	uk_printf("\n");
	/* From the caller: its address, and its frame (the link in ours). */
	ukplat_crash_print_backtrace((uintptr_t)__builtin_return_address(0),
				     *(const uintptr_t *)__builtin_frame_address(0));
	ukplat_crash_exit(UK_EXIT_PANIC);
}
