/* Halts with interrupts disabled: nothing can ever wake it. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    cli
    hlt
    guest_exit 0

    unikit_notes _start
