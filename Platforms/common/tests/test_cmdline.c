/* ukplat_cmdline_split: blanks, quotes, escapes, the argument limit. */
#include <ukplat/boot.h>
#include <uktest/test.h>

UK_TESTCASE(cmdline, splits_on_blanks_and_keeps_quoted_groups)
{
	char line[] = "  one \"two words\"\tthree\\ four ";
	char *argv[5];

	UK_TEST_ASSERT(ukplat_cmdline_split(line, argv, 4) == 3);
	UK_TEST_EXPECT_STR_EQ(argv[0], "one");
	UK_TEST_EXPECT_STR_EQ(argv[1], "two words");
	UK_TEST_EXPECT_STR_EQ(argv[2], "three four");
	UK_TEST_EXPECT(argv[3] == 0);
}

UK_TESTCASE(cmdline, stops_at_the_limit)
{
	char line[] = "a b c d";
	char *argv[3];

	UK_TEST_EXPECT_EQ(ukplat_cmdline_split(line, argv, 2), 2);
	UK_TEST_EXPECT_STR_EQ(argv[1], "b");
	UK_TEST_EXPECT(argv[2] == 0);
}

UK_TESTCASE(cmdline, empty_line_gives_no_arguments)
{
	char line[] = "   ";
	char *argv[2];

	UK_TEST_EXPECT_EQ(ukplat_cmdline_split(line, argv, 1), 0);
	UK_TEST_EXPECT(argv[0] == 0);
}
