/* stdlib.h beyond the strto* functions: allocation, arithmetic, rand,
 * arc4random_buf, getenv. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uktest/test.h>

UK_TESTCASE(nolibc_stdlib, calloc_zeroes_and_refuses_overflow)
{
	unsigned char *p;
	int nonzero = 0;

	/* Dirty a block and free it, so that calloc may well get it back. */
	p = malloc(256);
	UK_TEST_ASSERT(p != 0);
	memset(p, 0xee, 256);
	free(p);
	p = calloc(64, 4);
	UK_TEST_ASSERT(p != 0);
	for (int i = 0; i < 256; i++)
		nonzero += p[i] != 0;
	UK_TEST_EXPECT_EQ(nonzero, 0);
	free(p);
	errno = 0;
	UK_TEST_EXPECT(calloc(SIZE_MAX / 2, 3) == 0);
	UK_TEST_EXPECT_EQ(errno, ENOMEM);
	UK_TEST_EXPECT(calloc((size_t)1 << 33, (size_t)1 << 33) == 0);
}

UK_TESTCASE(nolibc_stdlib, realloc_keeps_the_content)
{
	char *p = realloc(0, 10), *q;

	UK_TEST_ASSERT(p != 0);
	memcpy(p, "0123456789", 10);
	q = realloc(p, 5000);
	UK_TEST_ASSERT(q != 0);
	UK_TEST_EXPECT(memcmp(q, "0123456789", 10) == 0);
	p = realloc(q, 4);
	UK_TEST_ASSERT(p != 0);
	UK_TEST_EXPECT(memcmp(p, "0123", 4) == 0);
	free(p);
}

UK_TESTCASE(nolibc_stdlib, aligned_allocation)
{
	void *p = 0;

	UK_TEST_EXPECT_EQ(posix_memalign(&p, 4096, 100), 0);
	UK_TEST_EXPECT(p != 0 && ((uintptr_t)p & 4095) == 0);
	free(p);
	UK_TEST_EXPECT_EQ(posix_memalign(&p, 24, 100), EINVAL);
	UK_TEST_EXPECT_EQ(posix_memalign(&p, 4, 100), EINVAL);
	p = aligned_alloc(256, 512);
	UK_TEST_EXPECT(p != 0 && ((uintptr_t)p & 255) == 0);
	free(p);
	errno = 0;
	UK_TEST_EXPECT(aligned_alloc(48, 96) == 0);
	UK_TEST_EXPECT_EQ(errno, EINVAL);
	free(0);
}

UK_TESTCASE(nolibc_stdlib, abs_and_div_truncate_toward_zero)
{
	div_t d = div(-7, 2);
	ldiv_t l = ldiv(7L, -2L);
	lldiv_t ll = lldiv(-7LL, -2LL);

	UK_TEST_EXPECT_EQ(abs(-5), 5);
	UK_TEST_EXPECT_EQ(labs(-5000000000L), 5000000000L);
	UK_TEST_EXPECT_EQ(llabs(-5LL), 5);
	UK_TEST_EXPECT_EQ(abs(3), 3);
	UK_TEST_EXPECT_EQ(d.quot, -3);
	UK_TEST_EXPECT_EQ(d.rem, -1);
	UK_TEST_EXPECT_EQ(l.quot, -3);
	UK_TEST_EXPECT_EQ(l.rem, 1);
	UK_TEST_EXPECT_EQ(ll.quot, 3);
	UK_TEST_EXPECT_EQ(ll.rem, -1);
}

UK_TESTCASE(nolibc_stdlib, rand_repeats_for_a_seed)
{
	int first[8], in_range = 1;

	srand(42);
	for (int i = 0; i < 8; i++)
		first[i] = rand();
	srand(42);
	for (int i = 0; i < 8; i++)
		UK_TEST_EXPECT_EQ(rand(), first[i]);
	srand(43);
	UK_TEST_EXPECT(rand() != first[0]);
	for (int i = 0; i < 1000; i++) {
		int r = rand();

		in_range &= r >= 0 && r <= RAND_MAX;
	}
	UK_TEST_EXPECT(in_range);
}

UK_TESTCASE(nolibc_stdlib, arc4random_buf_fills_every_byte)
{
	unsigned char a[61], b[61];
	int zero_a = 0, same = 0;

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	arc4random_buf(a, sizeof(a));
	arc4random_buf(b, sizeof(b));
	for (size_t i = 0; i < sizeof(a); i++) {
		zero_a += a[i] == 0;
		same += a[i] == b[i];
	}
	UK_TEST_EXPECT(zero_a < 8); /* about one zero byte in 256 is expected */
	UK_TEST_EXPECT(same < 8);
	arc4random_buf(a, 0);
}

UK_TESTCASE(nolibc_stdlib, no_environment)
{
	UK_TEST_EXPECT(getenv("PATH") == 0);
	UK_TEST_EXPECT(getenv("") == 0);
}
