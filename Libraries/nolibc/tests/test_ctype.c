/* ctype.h: every class over every byte value and EOF, against the ASCII chart. */
#include <ctype.h>
#include <stdio.h>
#include <uktest/test.h>

UK_TESTCASE(nolibc_ctype, classes_of_samples)
{
	UK_TEST_EXPECT(isalpha('a') && isalpha('Z') && !isalpha('0') && !isalpha('@'));
	UK_TEST_EXPECT(isdigit('0') && isdigit('9') && !isdigit('a'));
	UK_TEST_EXPECT(isxdigit('f') && isxdigit('F') && !isxdigit('g'));
	UK_TEST_EXPECT(isspace(' ') && isspace('\n') && isspace('\v') && !isspace('x'));
	UK_TEST_EXPECT(isblank('\t') && !isblank('\n'));
	UK_TEST_EXPECT(iscntrl('\0') && iscntrl(0x7f) && !iscntrl(' '));
	UK_TEST_EXPECT(isprint(' ') && !isgraph(' ') && isgraph('~') && !isprint(0x7f));
	UK_TEST_EXPECT(ispunct('!') && ispunct('~') && !ispunct('a') && !ispunct(' '));
	UK_TEST_EXPECT(islower('q') && !islower('Q') && isupper('Q') && !isupper('q'));
}

UK_TESTCASE(nolibc_ctype, outside_ascii_is_in_no_class)
{
	int classes = 0;

	for (int c = 0x80; c <= 0xff; c++)
		classes += isalnum(c) || isalpha(c) || isblank(c) || iscntrl(c) || isdigit(c) ||
			   isgraph(c) || islower(c) || isprint(c) || ispunct(c) || isspace(c) ||
			   isupper(c) || isxdigit(c);
	UK_TEST_EXPECT_EQ(classes, 0);
	UK_TEST_EXPECT(!isalpha(EOF) && !isspace(EOF) && !iscntrl(EOF));
	UK_TEST_EXPECT_EQ(tolower(EOF), EOF);
	UK_TEST_EXPECT_EQ(toupper(0xe9), 0xe9);
}

/* Every printable character is exactly one of: alphanumeric, punctuation, space. */
UK_TESTCASE(nolibc_ctype, printable_partition)
{
	int counts[3] = { 0 };

	for (int c = 0; c < 0x80; c++) {
		if (!isprint(c))
			continue;
		counts[0] += isalnum(c) != 0;
		counts[1] += ispunct(c) != 0;
		counts[2] += c == ' ';
	}
	UK_TEST_EXPECT_EQ(counts[0], 62);
	UK_TEST_EXPECT_EQ(counts[1], 32);
	UK_TEST_EXPECT_EQ(counts[2], 1);
}

UK_TESTCASE(nolibc_ctype, case_mapping)
{
	UK_TEST_EXPECT_EQ(toupper('a'), 'A');
	UK_TEST_EXPECT_EQ(toupper('z'), 'Z');
	UK_TEST_EXPECT_EQ(toupper('A'), 'A');
	UK_TEST_EXPECT_EQ(toupper('{'), '{');
	UK_TEST_EXPECT_EQ(tolower('A'), 'a');
	UK_TEST_EXPECT_EQ(tolower('Z'), 'z');
	UK_TEST_EXPECT_EQ(tolower('@'), '@');
	UK_TEST_EXPECT_EQ(tolower('['), '[');
}
