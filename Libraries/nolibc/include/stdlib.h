/* Allocation, conversions, sorting, pseudo-random numbers, exit. */
#ifndef NOLIBC_STDLIB_H
#define NOLIBC_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* From ukalloc. Blocks are aligned to 16 bytes. */
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
int posix_memalign(void **ptr, size_t align, size_t size);
void *aligned_alloc(size_t align, size_t size);

/* exit runs the term functions (the console flushes); abort does not. */
__attribute__((noreturn)) void exit(int status);
__attribute__((noreturn)) void abort(void);

/* No environment: always NULL. */
char *getenv(const char *name);

typedef struct {
	int quot, rem;
} div_t;
typedef struct {
	long quot, rem;
} ldiv_t;
typedef struct {
	long long quot, rem;
} lldiv_t;

int abs(int x);
long labs(long x);
long long llabs(long long x);
div_t div(int numer, int denom);
ldiv_t ldiv(long numer, long denom);
lldiv_t lldiv(long long numer, long long denom);

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);
long long strtoll(const char *restrict s, char **restrict end, int base);
unsigned long long strtoull(const char *restrict s, char **restrict end, int base);

/* O(n log n) in the worst case; not stable. */
void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t count, size_t size,
	      int (*compare)(const void *, const void *));

/* The same sequence in every run for a given seed (1 until srand is called). */
#define RAND_MAX 0x7fffffff
int rand(void);
void srand(unsigned int seed);

/* Bytes from a generator seeded from the CPU's cycle counter at first use:
 * differs from run to run, but is NOT cryptographic. What Embedded Swift's
 * Hasher and SystemRandomNumberGenerator draw from. */
void arc4random_buf(void *buf, size_t size);

#endif
