/* The C entry of a linuxu image: hands argc and argv to the boot library. */
#include <unikit/config.h>
#include <ukplat/boot.h>

#include "linuxu.h"

__attribute__((noreturn)) void linuxu_start(long *stack);

void linuxu_start(long *stack)
{
	int argc = (int)stack[0];
	char **argv = (char **)(stack + 1);

	linuxu_time_init();
	linuxu_crash_init();
#ifdef CONFIG_LINUXU_TAP
	argc = linuxu_take_tap_arguments(argc, argv);
#endif
	ukplat_entry(argc, argv);
}
