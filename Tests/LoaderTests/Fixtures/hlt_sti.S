/* Halts with interrupts enabled, on a VM where nothing raises one. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    sti
    hlt
    guest_exit 0

    unikit_notes _start
