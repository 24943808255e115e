/*
 * The kvm console. On unikit's loader a write leaves the guest in one exit
 * (UNIKIT_PORT_CONSOLE); on other hosts bytes go to the COM1 UART.
 */
#include <unikit/config.h>
#include <unikit/loader_abi.h>
#include <ukplat/console.h>
#include <x86_64/io.h>

#include "kvm.h"

void kvm_console_init(void)
{
#ifdef CONFIG_KVM_COM1_CONSOLE
	if (kvm_boot.host == KVM_HOST_PVH)
		kvm_uart_init();
#endif
}

static void loader_write(const char *buf, size_t len)
{
	while (len > 0) {
		size_t chunk = len < UNIKIT_CONSOLE_MAX_WRITE ? len : UNIKIT_CONSOLE_MAX_WRITE;
		struct unikit_console_write request = {
			.data = (uintptr_t)buf,
			.len = chunk,
		};

		/* Identity-mapped: the request's address is its physical one. */
		outl(UNIKIT_PORT_CONSOLE, (uint32_t)(uintptr_t)&request);
		buf += chunk;
		len -= chunk;
	}
}

void ukplat_console_write(const char *buf, size_t len)
{
	if (kvm_boot.host == KVM_HOST_UNIKIT_LOADER)
		loader_write(buf, len);
#ifdef CONFIG_KVM_COM1_CONSOLE
	else
		kvm_uart_write(buf, len);
#endif
}
