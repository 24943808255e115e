/*
 * Panics and assertions. A panic prints its message, the caller's
 * backtrace (return addresses; llvm-symbolizer and the image's .dbg file
 * name them), and stops the image with UK_EXIT_PANIC.
 */
#ifndef UKDEBUG_PANIC_H
#define UKDEBUG_PANIC_H

#include <ukplat/crash.h>

/* Exit status of a panicked image, as a process that called abort(); CPU
 * faults have their own (ukplat/crash.h). */
#define UK_EXIT_PANIC UKPLAT_EXIT_PANIC

__attribute__((noreturn, format(printf, 1, 2))) void uk_panic(const char *fmt, ...);

/* Checked in every build; a failure panics naming the condition and place. */
#define UK_ASSERT(cond)                                                        \
	do {                                                                   \
		if (__builtin_expect(!(cond), 0))                              \
			uk_panic("assertion failed: %s (%s:%d, %s)", #cond,    \
				 __FILE__, __LINE__, __func__);                \
	} while (0)

#endif
