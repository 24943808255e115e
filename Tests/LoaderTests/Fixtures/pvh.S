/* A PVH-only guest (Xen's note, no unikit notes), as any PVH kernel: starts
 * in 32-bit protected mode with %ebx at struct hvm_start_info, checks it,
 * prints its command line through COM1 and exits with the number of memory
 * map entries (2) plus 0x10 for each check that failed. */
#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define START_MAGIC 0x336ec578

    .text
    .code32
    .globl _start
_start:
    xorl %edi, %edi                     /* failed checks * 0x10 */
    cmpl $START_MAGIC, 0(%ebx)
    je 1f
    addl $0x10, %edi
1:  cmpl $1, 4(%ebx)                    /* version */
    je 2f
    addl $0x10, %edi
2:  movl 40(%ebx), %eax                 /* memmap_paddr (low half) */
    cmpl $1, 16(%eax)                   /* entry 0: type... */
    je 3f                               /* ...must not be RAM: loader area */
    cmpl $1, 40(%eax)                   /* entry 1: RAM from 1 MiB */
    je 4f
3:  addl $0x10, %edi
4:  movl 24(%ebx), %esi                 /* cmdline_paddr (low half) */
    movw $0x3f8, %dx
5:  movb (%esi), %al
    testb %al, %al
    jz 6f
    outb %al, %dx
    incl %esi
    jmp 5b
6:  movb $'\n', %al
    outb %al, %dx
    movl 48(%ebx), %eax                 /* memmap_entries */
    addl %edi, %eax
    movw $0xf4, %dx
    outl %eax, %dx
    ud2

    .pushsection .note.xen, "a", @note
    .balign 4
    .long 4, 4, XEN_ELFNOTE_PHYS32_ENTRY
    .asciz "Xen"
    .balign 4
    .long _start
    .popsection
