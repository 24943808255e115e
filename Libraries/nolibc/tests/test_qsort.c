/*
 * qsort on random, sorted, reversed, all-equal and few-distinct inputs: the
 * result is ordered, is a permutation of the input, and took O(n log n)
 * comparisons (a plain quicksort takes n^2/2 on some of these). bsearch.
 */
#include <stdlib.h>
#include <uktest/test.h>

#define COUNT 4000

/* Each item remembers where it started, which proves the permutation. */
struct item {
	int key;
	int origin;
};

static struct item items[COUNT];
static int keys[COUNT];
static unsigned char seen[COUNT];
static long comparisons;

static int compare_items(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	comparisons++;
	return (x->key > y->key) - (x->key < y->key);
}

/* Sorts keys[0..count) as items; returns 1 when ordered and a permutation. */
static int sort_is_correct(int count)
{
	for (int i = 0; i < count; i++) {
		items[i] = (struct item){ keys[i], i };
		seen[i] = 0;
	}
	comparisons = 0;
	qsort(items, (size_t)count, sizeof(items[0]), compare_items);
	for (int i = 0; i < count; i++) {
		const struct item *it = &items[i];

		if (it->origin < 0 || it->origin >= count || seen[it->origin] ||
		    keys[it->origin] != it->key)
			return 0;
		seen[it->origin] = 1;
		if (i > 0 && items[i - 1].key > it->key)
			return 0;
	}
	return 1;
}

/* 16 n log2 n: several times what introsort needs, far below n^2/2. */
static long comparison_budget(int count)
{
	int log2 = 0;

	while ((1 << log2) < count)
		log2++;
	return 16L * count * log2;
}

UK_TESTCASE(nolibc_qsort, random_input)
{
	srand(7);
	for (int i = 0; i < COUNT; i++)
		keys[i] = rand() - RAND_MAX / 2;
	UK_TEST_EXPECT(sort_is_correct(COUNT));
	UK_TEST_EXPECT(comparisons < comparison_budget(COUNT));
}

UK_TESTCASE(nolibc_qsort, sorted_and_reversed_input)
{
	for (int i = 0; i < COUNT; i++)
		keys[i] = i;
	UK_TEST_EXPECT(sort_is_correct(COUNT));
	UK_TEST_EXPECT(comparisons < comparison_budget(COUNT));
	for (int i = 0; i < COUNT; i++)
		keys[i] = COUNT - i;
	UK_TEST_EXPECT(sort_is_correct(COUNT));
	UK_TEST_EXPECT(comparisons < comparison_budget(COUNT));
}

UK_TESTCASE(nolibc_qsort, duplicates)
{
	for (int i = 0; i < COUNT; i++)
		keys[i] = 5;
	UK_TEST_EXPECT(sort_is_correct(COUNT));
	UK_TEST_EXPECT(comparisons < comparison_budget(COUNT));
	for (int i = 0; i < COUNT; i++)
		keys[i] = (i * 7919) % 3;
	UK_TEST_EXPECT(sort_is_correct(COUNT));
	UK_TEST_EXPECT(comparisons < comparison_budget(COUNT));
}

UK_TESTCASE(nolibc_qsort, organ_pipe_and_sawtooth)
{
	for (int i = 0; i < COUNT; i++)
		keys[i] = i < COUNT / 2 ? i : COUNT - i;
	UK_TEST_EXPECT(sort_is_correct(COUNT));
	UK_TEST_EXPECT(comparisons < comparison_budget(COUNT));
	for (int i = 0; i < COUNT; i++)
		keys[i] = i % 50;
	UK_TEST_EXPECT(sort_is_correct(COUNT));
	UK_TEST_EXPECT(comparisons < comparison_budget(COUNT));
}

/*
 * McIlroy's adversary ("A Killer Adversary for Quicksort", 1999): the
 * comparison function decides the keys while the sort runs. Every key starts
 * as "gas" (above all others); when two gas keys meet, one of them is frozen
 * at the next low value, choosing the one the sort seems to use as its pivot.
 * Any quicksort then partitions off one element at a time: n^2/2 comparisons.
 */
static int adversary_value[COUNT];
static int frozen, pivot_candidate;

#define GAS COUNT

static int compare_adversary(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	comparisons++;
	if (adversary_value[x] == GAS && adversary_value[y] == GAS)
		adversary_value[x == pivot_candidate ? x : y] = frozen++;
	if (adversary_value[x] == GAS)
		pivot_candidate = x;
	else if (adversary_value[y] == GAS)
		pivot_candidate = y;
	return adversary_value[x] - adversary_value[y];
}

UK_TESTCASE(nolibc_qsort, survives_an_adversary)
{
	static int order[COUNT];

	for (int i = 0; i < COUNT; i++) {
		order[i] = i;
		adversary_value[i] = GAS;
	}
	frozen = pivot_candidate = 0;
	comparisons = 0;
	qsort(order, COUNT, sizeof(order[0]), compare_adversary);
	UK_TEST_EXPECT(comparisons < comparison_budget(COUNT));
	for (int i = 1; i < COUNT; i++)
		UK_TEST_ASSERT(adversary_value[order[i - 1]] <= adversary_value[order[i]]);
}

UK_TESTCASE(nolibc_qsort, tiny_inputs)
{
	keys[0] = 3;
	UK_TEST_EXPECT(sort_is_correct(0));
	UK_TEST_EXPECT(sort_is_correct(1));
	keys[0] = 2, keys[1] = 1;
	UK_TEST_EXPECT(sort_is_correct(2));
	for (int n = 3; n < 40; n++) {
		for (int i = 0; i < n; i++)
			keys[i] = (i * 13) % n;
		UK_TEST_EXPECT(sort_is_correct(n));
	}
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

UK_TESTCASE(nolibc_qsort, bsearch_finds_every_element_and_no_other)
{
	static int sorted[101];
	int key;

	for (int i = 0; i < 101; i++)
		sorted[i] = 2 * i;
	for (int n = 0; n <= 101; n++) {
		for (key = -1; key <= 2 * n; key++) {
			int *found = bsearch(&key, sorted, (size_t)n, sizeof(int), compare_ints);

			if (key % 2 == 0 && key >= 0 && key < 2 * n)
				UK_TEST_ASSERT(found == &sorted[key / 2]);
			else
				UK_TEST_ASSERT(found == 0);
		}
	}
}
