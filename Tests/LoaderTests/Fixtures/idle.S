/* Idles 50 ms through UNIKIT_PORT_IDLE, then exits with status 0. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    mov $request, %eax
    mov $UNIKIT_PORT_IDLE, %dx
    outl %eax, %dx
    guest_exit 0

    .data
    .balign 8
request:
    .quad 50000000              /* struct unikit_idle: timeout_ns */
    .quad 0                     /* interrupt_pending, written by the loader */

    unikit_notes _start
