/* Checks the entry state, then echoes through the console port: the command
 * line, the 56 bytes of struct unikit_boot_info, and rsp at entry (8 bytes).
 * Exit status: 0 ok, 3 a general register was not 0, 4 rflags was not 0x2. */
#include "unikit.inc"

    .text
    .code64
    .globl _start
_start:
    mov %rsp, entry_rsp
    pushfq                      /* before any instruction that sets flags */
    popq entry_rflags
    or %rbx, %rax
    or %rcx, %rax
    or %rdx, %rax
    or %rsi, %rax
    or %rbp, %rax
    or %r8, %rax
    or %r9, %rax
    or %r10, %rax
    or %r11, %rax
    or %r12, %rax
    or %r13, %rax
    or %r14, %rax
    or %r15, %rax
    jnz bad_registers
    cmpq $2, entry_rflags
    jne bad_flags

    mov 24(%rdi), %rax          /* cmdline */
    mov %rax, cmdline_request
    mov 32(%rdi), %rax          /* cmdline_len */
    mov %rax, cmdline_request + 8
    mov %rdi, info_request
    console_write cmdline_request
    console_write info_request
    console_write rsp_request
    guest_exit 0
bad_registers:
    guest_exit 3
bad_flags:
    guest_exit 4

    unikit_notes _start

    .data
    .balign 8
entry_rsp:       .quad 0
entry_rflags:    .quad 0
cmdline_request: .quad 0, 0
info_request:    .quad 0, 56
rsp_request:     .quad entry_rsp, 8
