/*
 * printf-style formatting. Conversions: d i u x X o c s p %; flags - 0 + space #;
 * field width and precision (also as *); length modifiers hh h l ll z t j.
 * No floating point: images are built without SSE.
 */
#ifndef UKCONSOLE_PRINT_H
#define UKCONSOLE_PRINT_H

#include <stdarg.h>
#include <stddef.h>

/* Receives each formatted character. */
typedef void (*uk_format_sink_t)(char c, void *context);

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
