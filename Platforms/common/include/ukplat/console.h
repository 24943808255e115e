/* Console output, implemented by each platform. */
#ifndef UKPLAT_CONSOLE_H
#define UKPLAT_CONSOLE_H

#include <stddef.h>

/* Writes `len` bytes to the platform's console. Callers pass whole lines
 * where they can: on unikit's loader one call costs one VM exit. */
void ukplat_console_write(const char *buf, size_t len);

#endif
