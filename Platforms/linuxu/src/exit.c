/* Ending a linuxu image ends the process. */
#include <linuxu/syscall.h>
#include <ukplat/exit.h>

void ukplat_exit(int status)
{
	for (;;)
		linuxu_syscall1(LINUXU_SYS_EXIT_GROUP, status);
}
