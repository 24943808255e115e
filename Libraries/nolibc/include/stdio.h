/*
 * Formatted and plain output. stdout and stderr both go to the console
 * (ukconsole's line buffer); stderr sends its line out after every call.
 * There is no input and no file: a FILE is one of those two streams.
 *
 * Conversions: d i u x X o c s p %, flags - 0 + space #, width and precision
 * (also as *), length modifiers hh h l ll z t j. No floating point (images
 * are built without SSE): %f %e %g %a take their argument and print as
 * written ("%f").
 */
#ifndef NOLIBC_STDIO_H
#define NOLIBC_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

typedef struct nolibc_file FILE;

extern FILE __nolibc_stdout, __nolibc_stderr;
#define stdout (&__nolibc_stdout)
#define stderr (&__nolibc_stderr)

#define NOLIBC_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))

int printf(const char *restrict fmt, ...) NOLIBC_PRINTF(1, 2);
int vprintf(const char *restrict fmt, va_list ap) NOLIBC_PRINTF(1, 0);
int fprintf(FILE *restrict stream, const char *restrict fmt, ...) NOLIBC_PRINTF(2, 3);
int vfprintf(FILE *restrict stream, const char *restrict fmt, va_list ap) NOLIBC_PRINTF(2, 0);
int sprintf(char *restrict buf, const char *restrict fmt, ...) NOLIBC_PRINTF(2, 3);
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap) NOLIBC_PRINTF(2, 0);
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...) NOLIBC_PRINTF(3, 4);
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
	NOLIBC_PRINTF(3, 0);

int putchar(int c);
int puts(const char *s);
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int fputs(const char *restrict s, FILE *restrict stream);
size_t fwrite(const void *restrict ptr, size_t size, size_t count, FILE *restrict stream);

/* Sends out what `stream` (or, for NULL, every stream) has buffered. */
int fflush(FILE *stream);

#endif
