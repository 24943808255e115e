/* The order in which threads did something, as a string of letters. */
#ifndef UKSCHED_TESTS_ORDER_H
#define UKSCHED_TESTS_ORDER_H

static char order[64];
static unsigned order_len;

static void order_reset(void)
{
	order_len = 0;
	order[0] = '\0';
}

static void order_note(char c)
{
	if (order_len < sizeof(order) - 1)
		order[order_len++] = c;
	order[order_len] = '\0';
}

#endif
