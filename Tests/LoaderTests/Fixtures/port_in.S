/* Reads 4 bytes from I/O port 0x1234, which no device answers. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    mov $0x1234, %dx
    inl %dx, %eax
    guest_exit 0

    unikit_notes _start
