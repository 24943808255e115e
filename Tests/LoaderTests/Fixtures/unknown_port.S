/* Writes 0x2a to I/O port 0x1234, which no device answers. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    mov $0x2a, %al
    mov $0x1234, %dx
    outb %al, %dx
    guest_exit 0

    unikit_notes _start
