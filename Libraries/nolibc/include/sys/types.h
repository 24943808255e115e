/* The POSIX types portable programs expect next to size_t. */
#ifndef NOLIBC_SYS_TYPES_H
#define NOLIBC_SYS_TYPES_H

#include <stddef.h>

typedef long ssize_t;
typedef long off_t;

#endif
