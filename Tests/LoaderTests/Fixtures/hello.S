/* Prints one line through the console port and exits with status 7.
 * Also the good image the malformed-ELF corpus is generated from: two
 * PT_LOADs (the second with bss), a PT_NOTE with a Xen note the loader skips. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    console_write request
    guest_exit 7

    unikit_notes _start

    /* Xen PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY); the loader ignores it. */
    .pushsection .note.xen, "a", @note
    .balign 4
    .long 4, 4, 18
    .asciz "Xen"
    .long _start
    .popsection

    .data
message:
    .ascii "hello from the guest\n"
message_end:
    .balign 8
request:
    .quad message, message_end - message

    .bss
    .skip 0x3000
