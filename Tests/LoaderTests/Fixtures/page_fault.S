/* Stores to 1 GiB, past the identity map of RAM: #PF with no IDT, a triple
 * fault whose registers show cr2 = 0x40000000. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    movl $1, 0x40000000
    guest_exit 0

    unikit_notes _start
