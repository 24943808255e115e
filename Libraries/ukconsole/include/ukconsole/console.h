/* Line-buffered console output. */
#ifndef UKCONSOLE_CONSOLE_H
#define UKCONSOLE_CONSOLE_H

#include <stddef.h>

/* Appends the character c (converted to unsigned char); a newline or a full
 * buffer sends the line out. Returns the character, as putchar does, so
 * that putchar can be a tail call: Embedded Swift prints a character at a
 * time with putchar. */
int uk_console_putc(int c);

/* Appends `len` bytes, as uk_console_putc does for each. */
void uk_console_write(const char *buf, size_t len);

/* Sends out whatever is buffered. Runs at exit as a term function. */
void uk_console_flush(void);

#endif
