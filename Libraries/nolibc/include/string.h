/* Memory and string functions. */
#ifndef NOLIBC_STRING_H
#define NOLIBC_STRING_H

#include <stddef.h>
#include <strings.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memrchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);

char *strcpy(char *restrict dst, const char *restrict src);
char *strncpy(char *restrict dst, const char *restrict src, size_t n);
char *strcat(char *restrict dst, const char *restrict src);
char *strncat(char *restrict dst, const char *restrict src, size_t n);

/* Copies into memory from malloc(); NULL (errno ENOMEM) when there is none. */
char *strdup(const char *s);
char *strndup(const char *s, size_t max);

/* Splits at any of `delims`; strtok keeps its place in a static variable,
 * strtok_r in *saveptr. */
char *strtok(char *restrict s, const char *restrict delims);
char *strtok_r(char *restrict s, const char *restrict delims, char **restrict saveptr);

/* glibc's message for an error number ("Unknown error N" otherwise). */
char *strerror(int errnum);

#endif
