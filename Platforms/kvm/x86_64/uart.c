/* The COM1 16550 UART, the console of QEMU, Firecracker and Cloud Hypervisor. */
#include <x86_64/io.h>

#include "kvm.h"

#define COM1 0x3f8
#define UART_THR (COM1 + 0) /* transmit holding register */
#define UART_DLL (COM1 + 0) /* divisor latch, low byte (while LCR_DLAB) */
#define UART_IER (COM1 + 1) /* interrupt enable */
#define UART_DLM (COM1 + 1) /* divisor latch, high byte (while LCR_DLAB) */
#define UART_FCR (COM1 + 2) /* FIFO control */
#define UART_LCR (COM1 + 3) /* line control */
#define LCR_DLAB 0x80
#define LCR_8N1  0x03
#define FCR_ENABLE_AND_CLEAR 0x07

void kvm_uart_init(void)
{
	outb(UART_IER, 0);
	outb(UART_LCR, LCR_DLAB);
	outb(UART_DLL, 1); /* 115200 baud */
	outb(UART_DLM, 0);
	outb(UART_LCR, LCR_8N1);
	outb(UART_FCR, FCR_ENABLE_AND_CLEAR);
}

/* Virtual UARTs transmit at once, so the line-status poll (one more exit
 * per byte) is left out. */
void kvm_uart_write(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n')
			outb(UART_THR, '\r');
		outb(UART_THR, (uint8_t)buf[i]);
	}
}
