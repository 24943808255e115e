/* Leaving the VM: the exit port of unikit's loader and QEMU's isa-debug-exit. */
#include <unikit/loader_abi.h>
#include <ukplat/exit.h>
#include <x86_64/io.h>

void ukplat_exit(int status)
{
	outl(UNIKIT_PORT_EXIT, (uint32_t)status);
	/* Nothing listens on the port (e.g. QEMU without isa-debug-exit). */
	x86_64_halt_forever();
}
