/* Hands the console port a request address outside guest memory. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    console_write 0xfffff000
    guest_exit 0

    unikit_notes _start
