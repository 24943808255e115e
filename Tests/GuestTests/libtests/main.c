/*
 * Runs the unit tests of every library in the image. An argument selects
 * the tests whose "suite.name" starts with it; the exit status is the number
 * of failed test cases (at most 125, so crashes stay distinguishable).
 */
#include <uktest/test.h>

int main(int argc, char *argv[])
{
	int failed = uk_test_run(argc > 1 ? argv[1] : 0);

	return failed > 125 ? 125 : failed;
}
