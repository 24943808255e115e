/*
 * assert(expr): a failure reports the expression and its place and stops
 * the image. Compiled out when NDEBUG is defined where this header is
 * included, which is why it has no include guard.
 */
#undef assert
#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr)                                                           \
	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef NOLIBC_ASSERT_H
#define NOLIBC_ASSERT_H

__attribute__((noreturn)) void __assert_fail(const char *expr, const char *file,
					      unsigned int line, const char *function);

#if !defined(__cplusplus) && __STDC_VERSION__ < 202311L
#define static_assert _Static_assert
#endif

#endif
