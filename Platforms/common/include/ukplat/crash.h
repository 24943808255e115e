/*
 * Crash reports: what an image prints and the status it exits with when the
 * CPU (kvm) or the kernel (linuxu) stops it for a fault, or it panics.
 * Statuses follow the shell's 128 + signal convention for a process killed by
 * the signal Linux would send, so linuxu and kvm images agree; a stack
 * overflow, which Linux reports as SIGSEGV, gets its own.
 */
#ifndef UKPLAT_CRASH_H
#define UKPLAT_CRASH_H

#include <stddef.h>
#include <stdint.h>

#define UKPLAT_EXIT_CPU_EXCEPTION      133 /* any other exception (as SIGTRAP) */
#define UKPLAT_EXIT_PANIC              134 /* uk_panic, assert, abort (SIGABRT) */
#define UKPLAT_EXIT_STACK_OVERFLOW     135 /* a guard page below a stack was hit */
#define UKPLAT_EXIT_ILLEGAL_INSTRUCTION 132 /* #UD (SIGILL) */
#define UKPLAT_EXIT_DIVIDE_ERROR       136 /* #DE (SIGFPE) */
#define UKPLAT_EXIT_MEMORY_FAULT       139 /* page fault, protection fault (SIGSEGV) */

/* Writes `text` to the console, after whatever the console library still
 * buffers. Safe in a fault handler: no allocation, no formatting state. */
void ukplat_crash_print(const char *text);

/* Writes `value` as 0x-prefixed hex, `digits` digits wide. */
void ukplat_crash_print_hex(uint64_t value, int digits);

void ukplat_crash_print_decimal(uint64_t value);

struct ukplat_crash_register {
	const char *name;
	uint64_t value;
};

/* Prints a register dump, four "name=0x..." per line. */
void ukplat_crash_print_registers(const struct ukplat_crash_register *registers, size_t count);

/* Prints the return addresses found by walking frame pointers from `frame`
 * (the frame of the function that crashed, whose own address is `pc`).
 * Images are compiled with frame pointers; the walk stops at the first frame
 * that does not look like one. */
void ukplat_crash_print_backtrace(uintptr_t pc, uintptr_t frame);

/* Prints the closing line and stops the image with `status`. */
__attribute__((noreturn)) void ukplat_crash_exit(int status);

#endif
