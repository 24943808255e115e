/* Maps the 2 MiB page just past 32 MiB of RAM (the loader maps only RAM) and
 * stores to it: an MMIO write no device answers. Run with 32 MiB of RAM.
 * With READ defined (mmio_read.S), it loads from there instead. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    mov %cr3, %rax
    mov (%rax), %rax            /* PML4[0] -> PDPT */
    and $~0xfff, %rax
    mov (%rax), %rax            /* PDPT[0] -> first page directory */
    and $~0xfff, %rax
    movq $0x2000083, %rbx       /* 32 MiB | PS | RW | P */
    mov %rbx, 16*8(%rax)
#ifdef READ
    movl 0x2000000, %eax
#else
    movl $0x12345678, 0x2000000
#endif
    guest_exit 0

    unikit_notes _start
