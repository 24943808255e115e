/*
 * printf-style formatting, with glibc's results (Tests/GuestTests/formats
 * checks that). Conversions: d i u x X o c s p %; flags - 0 + space #;
 * field width and precision (also as *); length modifiers hh h l ll z t j.
 * A null %s prints "(null)", a null %p "(nil)", as glibc does.
 * No floating point (images are built without SSE): %f %F %e %E %g %G %a %A
 * take their double argument and print as "%f" etc.; there is no long
 * double (L). Other conversions, %n included, print as written and take no
 * argument.
 */
#ifndef UKCONSOLE_PRINT_H
#define UKCONSOLE_PRINT_H

#include <stdarg.h>
#include <stddef.h>

/* Receives the formatted output a run of `len` (> 0) characters at a time;
 * `run` is not NUL-terminated and does not outlive the call. */
typedef void (*uk_format_sink_t)(const char *run, size_t len, void *context);

/* Formats into `sink` and returns the number of characters produced. */
int uk_vformat(uk_format_sink_t sink, void *context, const char *fmt, va_list ap);

/* Like vsnprintf/snprintf: writes at most size - 1 characters and a NUL,
 * returns the length the whole output would have had. */
int uk_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int uk_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Formats to the console. */
int uk_vprintf(const char *fmt, va_list ap);
int uk_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
