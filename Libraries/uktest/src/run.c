/* The test runner: walks the linker-collected table of test cases. */
#include <ukconsole/console.h>
#include <ukconsole/print.h>
#include <uktest/test.h>

extern const struct uk_testcase __uk_testtab_start[], __uk_testtab_end[];

struct uk_test_state {
	int failures;
};

static void report_failure(const char *file, int line, const char *what)
{
	uk_printf("    %s:%d: check failed: %s\n", file, line, what);
}

int uk_test_check(struct uk_test_state *state, int ok, const char *file, int line, const char *what)
{
	if (!ok) {
		state->failures++;
		report_failure(file, line, what);
	}
	return ok;
}

int uk_test_check_int(struct uk_test_state *state, int64_t actual, int64_t expected,
		      const char *file, int line, const char *what)
{
	if (actual == expected)
		return 1;
	state->failures++;
	report_failure(file, line, what);
	uk_printf("      got %lld (0x%llx), expected %lld (0x%llx)\n", (long long)actual,
		  (unsigned long long)actual, (long long)expected, (unsigned long long)expected);
	return 0;
}

static int same_string(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int uk_test_check_str(struct uk_test_state *state, const char *actual, const char *expected,
		      const char *file, int line, const char *what)
{
	if (same_string(actual, expected))
		return 1;
	state->failures++;
	report_failure(file, line, what);
	uk_printf("      got \"%s\", expected \"%s\"\n", actual ? actual : "(null)",
		  expected ? expected : "(null)");
	return 0;
}

/* Whether "suite.name" starts with `filter`. */
static int selected(const struct uk_testcase *test, const char *filter)
{
	const char *s = test->suite, *f = filter;

	if (!filter)
		return 1;
	for (; *s && *f; s++, f++)
		if (*s != *f)
			return 0;
	if (!*f)
		return 1;
	if (*f++ != '.')
		return 0;
	for (s = test->name; *s && *f; s++, f++)
		if (*s != *f)
			return 0;
	return !*f;
}

int uk_test_run(const char *filter)
{
	int passed = 0, failed = 0;

	for (const struct uk_testcase *test = __uk_testtab_start; test < __uk_testtab_end; test++) {
		struct uk_test_state state = { 0 };

		if (!selected(test, filter))
			continue;
		uk_printf("RUN  %s.%s\n", test->suite, test->name);
		test->run(&state);
		uk_printf("%s %s.%s\n", state.failures ? "FAIL" : "PASS", test->suite, test->name);
		if (state.failures)
			failed++;
		else
			passed++;
	}
	uk_printf("uktest: %d passed, %d failed\n", passed, failed);
	uk_console_flush();
	return failed;
}
