/*
 * Crashes the way its argument says: null (read through a NULL pointer),
 * divide (integer division by zero), stack (unbounded recursion), panic,
 * assert. Prints a line first, so tests see that output before a crash is
 * not lost.
 */
#include <stdio.h>
#include <string.h>
#include <ukdebug/panic.h>

/* Volatile: the compiler must not see through the crashes. */
static int *volatile null_pointer;
static volatile int zero;

__attribute__((noinline)) static int read_null(void)
{
	return *null_pointer;
}

__attribute__((noinline)) static int divide(int value)
{
	return value / zero;
}

__attribute__((noinline)) static int recurse(int depth)
{
	volatile char frame[256];

	frame[0] = (char)depth;
	return zero == 0 ? recurse(depth + 1) + frame[0] : depth;
}

int main(int argc, char *argv[])
{
	const char *what = argc > 1 ? argv[1] : "";

	printf("crashing: %s\n", what);
	if (!strcmp(what, "null"))
		return read_null();
	if (!strcmp(what, "divide"))
		return divide(42);
	if (!strcmp(what, "stack"))
		return recurse(0);
	if (!strcmp(what, "panic"))
		uk_panic("on purpose, %d", 42);
	if (!strcmp(what, "assert"))
		UK_ASSERT(argc == 1);
	printf("unknown crash \"%s\": null, divide, stack, panic or assert\n", what);
	return 2;
}
