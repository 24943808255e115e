/* Loads an empty IDT and raises #UD: #UD -> #GP -> #DF -> triple fault.
 * (Not int3: on PVM a software interrupt goes to KVM's instruction emulator,
 * which reports an emulation failure instead of faulting.) */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    lidt null_idt
    ud2
    guest_exit 0

    unikit_notes _start

    .data
null_idt:
    .word 0
    .quad 0
