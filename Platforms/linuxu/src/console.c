/* The linuxu console is the process's standard output. */
#include <linuxu/syscall.h>
#include <ukplat/console.h>

#define STDOUT 1

void ukplat_console_write(const char *buf, size_t len)
{
	while (len > 0) {
		long written = linuxu_syscall3(LINUXU_SYS_WRITE, STDOUT, (long)buf, (long)len);

		if (written == -LINUXU_EINTR)
			continue;
		if (LINUXU_IS_ERROR(written) || written == 0)
			return; /* stdout is gone: nobody to tell */
		buf += written;
		len -= (size_t)written;
	}
}
