/*
 * Formats every case of format_cases.h with snprintf and prints one line per
 * case: "case N: [result] len=R <- source". The same file is compiled for
 * the host against glibc (Tests/IntegrationTests/FormatConformanceTests.swift),
 * so both sides print their own results the same way. Bytes outside
 * printable ASCII (a %c of 0, say) are shown as \xNN, a backslash as \\.
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

int main(void)
{
	int number = 0;

	FORMAT_CASES(RUN_CASE)
	printf("%d cases\n", number);
	return 0;
}
