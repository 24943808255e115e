/* The shared event log (log.h). */
#include <stdio.h>
#include <uksched/sync.h>

#include "log.h"

#define LOG_SIZE 64

struct entry {
	int ms;
	const char *who;
	const char *what;
	int value;
};

static struct uk_mutex mutex = UK_MUTEX_INITIALIZER;
static struct entry entries[LOG_SIZE];
static int used;

void log_event(int ms, const char *who, const char *what, int value)
{
	uk_mutex_lock(&mutex);
	if (used < LOG_SIZE)
		entries[used++] = (struct entry){ ms, who, what, value };
	uk_mutex_unlock(&mutex);
}

int log_print(void)
{
	int printed;

	uk_mutex_lock(&mutex);
	for (int i = 0; i < used; i++) {
		const struct entry *e = &entries[i];

		if (e->ms == LOG_NO_TIME)
			printf("         %s: %s %d\n", e->who, e->what, e->value);
		else
			printf("[%3d ms] %s: %s %d\n", e->ms, e->who, e->what, e->value);
	}
	printed = used;
	used = 0;
	uk_mutex_unlock(&mutex);
	return printed;
}
