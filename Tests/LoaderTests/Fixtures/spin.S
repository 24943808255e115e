/* Loops forever without an exit: only a timeout ends it. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    jmp _start

    unikit_notes _start
