/*
 * Formats every case of format_cases.h with snprintf and prints one line per
 * case: "case N: [result] len=R <- source". The same file is compiled for
 * the host against glibc (Tests/IntegrationTests/FormatConformanceTests.swift),
 * so both sides print their own results the same way. Bytes outside
 * printable ASCII (a %c of 0, say) are shown as \xNN, a backslash as \\.
 * Then a few lines printed straight to the console, which takes text in
 * runs: long literal text, fields and padding that cross its line buffer's
 * 256 bytes, and newlines inside a run.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "format_cases.h"

/* Some cases combine flags that C says to ignore (' ' with '+', '0' with
 * '-'), which clang warns about. */
#pragma clang diagnostic ignored "-Wformat"

static char result[512];

static void report(int number, const char *source, int len)
{
	int shown = len < (int)sizeof(result) ? len : (int)sizeof(result) - 1;

	printf("case %d: [", number);
	for (int i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)result[i];

		if (c == '\\')
			printf("\\\\");
		else if (c < ' ' || c > '~')
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	printf("] len=%d <- %s\n", len, source);
}

#define RUN_CASE(...)                                                          \
	report(++number, #__VA_ARGS__, snprintf(result, sizeof(result), __VA_ARGS__));

#define TEN "0123456789"
#define HUNDRED TEN TEN TEN TEN TEN TEN TEN TEN TEN TEN

static void console_cases(void)
{
	int len = printf(HUNDRED HUNDRED "%d" HUNDRED "|%300s|%-290d|%0270x|\n", 1, "right", -2, 0xbeef);

	printf("console: len=%d\n", len);
	len = printf("one\ntwo %s\nthree %*d\n" HUNDRED HUNDRED "\n", "2", 260, 3);
	printf("console: len=%d\n", len);
	fputs(HUNDRED HUNDRED HUNDRED "\nafter a newline\n", stdout);
	for (int i = 0; i < 300; i++)
		putchar('a' + i % 26);
	printf("%s%c%s\n", "", '|', HUNDRED);
}

int main(void)
{
	int number = 0;

	FORMAT_CASES(RUN_CASE)
	printf("%d cases\n", number);
	console_cases();
	return 0;
}
