#ifndef NOLIBC_ERRNO_H
#define NOLIBC_ERRNO_H

/* One thread of execution so far: a plain variable. */
extern int errno;

#define ENOMEM 12
#define EINVAL 22
#define ERANGE 34

#endif
