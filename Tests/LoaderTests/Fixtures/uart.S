/* Prints a line through the COM1 UART, polling LSR before each byte as a
 * QEMU-era driver does, then exits with status 0. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    mov $message, %rsi
next_byte:
    cmp $message_end, %rsi
    je done
wait_empty:
    mov $0x3fd, %dx             /* LSR */
    inb %dx, %al
    test $0x20, %al             /* THRE */
    jz wait_empty
    mov (%rsi), %al
    mov $0x3f8, %dx             /* THR */
    outb %al, %dx
    inc %rsi
    jmp next_byte
done:
    guest_exit 0

    unikit_notes _start

    .data
message:
    .ascii "uart ok\n"
message_end:
