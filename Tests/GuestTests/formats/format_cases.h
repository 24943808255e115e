/*
 * printf conformance cases: each X(format, arguments...) is formatted by
 * the guest's snprintf and by the host C library's (glibc), and the results
 * must be the same (Tests/IntegrationTests/FormatConformanceTests.swift).
 *
 * Left out on purpose, because C leaves the result undefined or to the
 * implementation and glibc and nolibc may legitimately differ:
 * - floating point (%f %e %g %a): nolibc has none, images are built without SSE;
 * - '+' or ' ' with u x X o, '#' with d i u c s, '0' with c s p, a precision
 *   with c or p, flags on %%, length modifiers on c s p (wide characters);
 * - %n, positional arguments (%1$d), glibc's ' I m C S extensions, unknown
 *   conversions and a lone '%' at the end;
 * - a '*' width of INT_MIN (its negation overflows);
 * - %s with NULL and a precision below 6 (glibc then prints nothing rather
 *   than a cut "(null)"): only NULL without a precision is here.
 */

#define FORMAT_CASES(X)                                                        \
	/* plain text, %% */                                                   \
	X("")                                                                  \
	X("plain text")                                                        \
	X("%%")                                                                \
	X("100%% sure, %d%%", 42)                                              \
	/* %d and %i */                                                        \
	X("%d", 0)                                                             \
	X("%d", 42)                                                            \
	X("%d", -42)                                                           \
	X("%i", 123456)                                                        \
	X("%i", -7)                                                            \
	X("%d", INT_MAX)                                                       \
	X("%d", INT_MIN)                                                       \
	X("%5d", 42)                                                           \
	X("%5d", -42)                                                          \
	X("%-5d|", 42)                                                         \
	X("%-5d|", -42)                                                        \
	X("%05d", 42)                                                          \
	X("%05d", -42)                                                         \
	X("%+d", 42)                                                           \
	X("%+d", -42)                                                          \
	X("%+d", 0)                                                            \
	X("% d", 42)                                                           \
	X("% d", -42)                                                          \
	X("% 5d", 42)                                                          \
	X("%+ d", 42)                                                          \
	X("% +d", 42)                                                          \
	X("%-05d|", 42)                                                        \
	X("%0-5d|", 42)                                                        \
	X("%+05d", 42)                                                         \
	X("% 05d", 42)                                                         \
	X("%-+6d|", 42)                                                        \
	X("%.3d", 7)                                                           \
	X("%.3d", -7)                                                          \
	X("%.3d", 12345)                                                       \
	X("%8.3d", -7)                                                         \
	X("%-8.3d|", -7)                                                       \
	X("%08.3d", 7)                                                         \
	X("%+.3d", 7)                                                          \
	X("%.0d", 0)                                                           \
	X("%5.0d|", 0)                                                         \
	X("%-5.0d|", 0)                                                        \
	X("%+.0d", 0)                                                          \
	X("% .0d", 0)                                                          \
	X("%.0d", 1)                                                           \
	X("%.d", 0)                                                            \
	X("%.1d", 0)                                                           \
	X("%1d", 12345)                                                        \
	X("%20d", INT_MIN)                                                     \
	X("%020d", INT_MIN)                                                    \
	X("%.12d", INT_MIN)                                                    \
	/* %u */                                                               \
	X("%u", 0u)                                                            \
	X("%u", 42u)                                                           \
	X("%u", UINT_MAX)                                                      \
	X("%u", -1)                                                            \
	X("%8u|", 3000000000u)                                                 \
	X("%-8u|", 17u)                                                        \
	X("%08u", 17u)                                                         \
	X("%.5u", 17u)                                                         \
	X("%.0u", 0u)                                                          \
	/* %x %X */                                                            \
	X("%x", 0u)                                                            \
	X("%x", 255u)                                                          \
	X("%X", 255u)                                                          \
	X("%x", 0xdeadbeefu)                                                   \
	X("%X", 0xdeadbeefu)                                                   \
	X("%x", -1)                                                            \
	X("%#x", 255u)                                                         \
	X("%#X", 255u)                                                         \
	X("%#x", 0u)                                                           \
	X("%#X", 0u)                                                           \
	X("%8x|", 255u)                                                        \
	X("%-8x|", 255u)                                                       \
	X("%08x", 255u)                                                        \
	X("%#8x|", 255u)                                                       \
	X("%#-8x|", 255u)                                                      \
	X("%#08x", 255u)                                                       \
	X("%#010X", 48879u)                                                    \
	X("%.4x", 255u)                                                        \
	X("%#.4x", 255u)                                                       \
	X("%#10.4x|", 255u)                                                    \
	X("%.0x", 0u)                                                          \
	X("%#.0x", 0u)                                                         \
	X("%#.0x", 1u)                                                         \
	X("%5.0x|", 0u)                                                        \
	X("%#.3x", 0u)                                                         \
	X("%#5.0x|", 0u)                                                       \
	X("%#08X", 0u)                                                         \
	/* %o */                                                               \
	X("%o", 0u)                                                            \
	X("%o", 8u)                                                            \
	X("%o", 511u)                                                          \
	X("%o", UINT_MAX)                                                      \
	X("%#o", 0u)                                                           \
	X("%#o", 8u)                                                           \
	X("%#5o|", 8u)                                                         \
	X("%#-5o|", 8u)                                                        \
	X("%#05o", 8u)                                                         \
	X("%.4o", 8u)                                                          \
	X("%#.4o", 8u)                                                         \
	X("%#.2o", 8u)                                                         \
	X("%#.3o", 8u)                                                         \
	X("%.0o", 0u)                                                          \
	X("%#.0o", 0u)                                                         \
	X("%5.0o|", 0u)                                                        \
	X("%#5.3o|", 0u)                                                       \
	X("%#-6.3o|", 9u)                                                      \
	/* %c */                                                               \
	X("%c", 'A')                                                           \
	X("%c%c%c", 'a', 'b', 'c')                                             \
	X("%5c|", 'x')                                                         \
	X("%-5c|", 'x')                                                        \
	X("%c", 0)                                                             \
	X("[%c]", 255)                                                         \
	X("%c", 256 + 'z')                                                     \
	X("%c", '\n')                                                          \
	/* %s */                                                               \
	X("%s", "hello")                                                       \
	X("%s", "")                                                            \
	X("%10s|", "hello")                                                    \
	X("%-10s|", "hello")                                                   \
	X("%2s", "hello")                                                      \
	X("%.2s", "hello")                                                     \
	X("%.0s|", "hello")                                                    \
	X("%.10s", "hello")                                                    \
	X("%8.3s|", "hello")                                                   \
	X("%-8.3s|", "hello")                                                  \
	X("%s %s", "two", "words")                                             \
	X("%5s|", "\xe2\x82\xac")                                              \
	X("%%d %%%s", "s")                                                     \
	X("%s", (char *)0)                                                     \
	X("%8s|", (char *)0)                                                   \
	X("%-8s|", (char *)0)                                                  \
	X("%.6s", (char *)0)                                                   \
	/* %p */                                                               \
	X("%p", (void *)0x1234abcd)                                            \
	X("%p", (void *)0xffffffffffffffff)                                    \
	X("%20p|", (void *)0xdeadbeef)                                         \
	X("%-20p|", (void *)0xdeadbeef)                                        \
	X("%p", (void *)0)                                                     \
	X("%10p|", (void *)0)                                                  \
	X("%-10p|", (void *)0)                                                 \
	/* '*' width and precision */                                          \
	X("%*d", 6, 42)                                                        \
	X("%*d|", -6, 42)                                                      \
	X("%-*d|", 6, 42)                                                      \
	X("%-*d|", -6, 42)                                                     \
	X("%*d", 0, 42)                                                        \
	X("%.*d", 4, 42)                                                       \
	X("%.*d", -4, 42)                                                      \
	X("%.*d", 0, 0)                                                        \
	X("%.*d|", -1, 0)                                                      \
	X("%0*.*d", 6, -1, 42)                                                 \
	X("%0*.*d", 6, 3, 42)                                                  \
	X("%*.*s|", 8, 3, "abcdef")                                            \
	X("%-*.*s|", 8, 3, "abcdef")                                           \
	X("%.*s|", -1, "abcdef")                                               \
	X("%*s|", -4, "ab")                                                    \
	X("%*c|", 3, 'q')                                                      \
	X("%*x", 6, 255u)                                                      \
	X("%0*d|", -5, 42)                                                     \
	X("%*.*d|", -7, -3, 42)                                                \
	X("%.*s|", 0, "abc")                                                   \
	/* hh */                                                               \
	X("%hhd", 127)                                                         \
	X("%hhd", 128)                                                         \
	X("%hhd", -129)                                                        \
	X("%hhd", 300)                                                         \
	X("%hhu", 255)                                                         \
	X("%hhu", 257)                                                         \
	X("%hhu", -1)                                                          \
	X("%hhx", 0x1ff)                                                       \
	X("%hhX", -1)                                                          \
	X("%hho", 0777)                                                        \
	X("%hhi", -128)                                                        \
	/* h */                                                                \
	X("%hd", 32767)                                                        \
	X("%hd", 32768)                                                        \
	X("%hd", -32769)                                                       \
	X("%hd", 40000)                                                        \
	X("%hu", 65535)                                                        \
	X("%hu", 65537)                                                        \
	X("%hu", -1)                                                           \
	X("%hx", 0x12345)                                                      \
	X("%#hx", -1)                                                          \
	X("%ho", 0177777)                                                      \
	X("%hi", -5)                                                           \
	/* l */                                                                \
	X("%ld", 0L)                                                           \
	X("%ld", LONG_MAX)                                                     \
	X("%ld", LONG_MIN)                                                     \
	X("%li", -1234567890123L)                                              \
	X("%lu", ULONG_MAX)                                                    \
	X("%lx", ULONG_MAX)                                                    \
	X("%lX", 0xabcdef0123456789UL)                                         \
	X("%lo", ULONG_MAX)                                                    \
	X("%#lo", 1UL << 63)                                                   \
	X("%#lx", 1UL << 63)                                                   \
	X("%25ld|", LONG_MIN)                                                  \
	X("%-25ld|", LONG_MIN)                                                 \
	X("%025ld", LONG_MIN)                                                  \
	X("%+ld", LONG_MAX)                                                    \
	X("%.22lo", 1UL)                                                       \
	/* ll */                                                               \
	X("%lld", 0LL)                                                         \
	X("%lld", LLONG_MAX)                                                   \
	X("%lld", LLONG_MIN)                                                   \
	X("%lli", -1LL)                                                        \
	X("%llu", ULLONG_MAX)                                                  \
	X("%llx", ULLONG_MAX)                                                  \
	X("%llX", 0x0123456789abcdefULL)                                       \
	X("%llo", ULLONG_MAX)                                                  \
	X("%#llo", ULLONG_MAX)                                                 \
	X("%#llx", 0x10ULL)                                                    \
	X("% lld", LLONG_MIN)                                                  \
	X("%+lld", LLONG_MIN)                                                  \
	X("%30lld|", LLONG_MIN)                                                \
	X("%-30lld|", LLONG_MIN)                                               \
	X("%030lld", LLONG_MIN)                                                \
	X("%.25lld", LLONG_MIN)                                                \
	X("%+.25lld", LLONG_MAX)                                               \
	/* z t j */                                                            \
	X("%zu", (size_t)0)                                                    \
	X("%zu", SIZE_MAX)                                                     \
	X("%zx", SIZE_MAX)                                                     \
	X("%zd", (ssize_t)-1)                                                  \
	X("%zd", (ssize_t)LONG_MIN)                                            \
	X("%zi", (ssize_t)12345)                                               \
	X("%zo", (size_t)8)                                                    \
	X("%td", (ptrdiff_t)-12345)                                            \
	X("%td", PTRDIFF_MIN)                                                  \
	X("%tu", (ptrdiff_t)PTRDIFF_MAX)                                       \
	X("%tx", (ptrdiff_t)255)                                               \
	X("%ti", (ptrdiff_t)0)                                                 \
	X("%jd", INTMAX_MIN)                                                   \
	X("%jd", INTMAX_MAX)                                                   \
	X("%ju", UINTMAX_MAX)                                                  \
	X("%jx", UINTMAX_MAX)                                                  \
	X("%jo", (uintmax_t)64)                                                \
	X("%ji", (intmax_t)-3)                                                 \
	/* wide fields and several conversions */                              \
	X("%100d|", 1)                                                         \
	X("%-100s|", "left")                                                   \
	X("%.100d", 1)                                                         \
	X("%.500d", -1)                                                        \
	X("%600d|", 7) /* longer than the buffer: cut, full length returned */ \
	X("%s%s", "0123456789", "%600d")                                       \
	X("%d %i %u %x %X %o %c %s %p %%", -1, 2, 3u, 255u, 255u, 8u, 'z',   \
	  "str", (void *)0x10)                                                 \
	X("%s=%d, %s=%#x", "a", 1, "b", 0x2au)                                 \
	X("[%5s][%-5s][%05d][%-5d][%5.1s]", "ab", "cd", 3, 4, "ef")            \
	X("%hhd %hd %d %ld %lld", 1, 2, 3, 4L, 5LL)                            \
	X("%lld %d %lld", LLONG_MIN, -1, LLONG_MAX)                            \
	X("%c%s%c", '<', "mid", '>')                                           \
	X("tab\there, newline-free %s", "ok")
