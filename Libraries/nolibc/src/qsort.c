/*
 * qsort as introsort: quicksort with a median-of-three pivot, heapsort for
 * a range once the recursion is deeper than 2 log2(n) (so never quadratic,
 * whatever the input), insertion sort for short ranges. Partitioning stops
 * on keys equal to the pivot, which splits runs of duplicates evenly.
 */
#include <stdlib.h>

/* Ranges this short are finished by insertion sort. */
#define INSERTION_SORT_MAX 12

typedef int (*compare_t)(const void *, const void *);

struct array {
	char *base;
	size_t size;
	compare_t compare;
};

static char *at(const struct array *a, size_t i)
{
	return a->base + i * a->size;
}

static int less(const struct array *a, size_t i, size_t j)
{
	return a->compare(at(a, i), at(a, j)) < 0;
}

static void swap(const struct array *a, size_t i, size_t j)
{
	char *x = at(a, i), *y = at(a, j);

	for (size_t n = a->size; n; n--, x++, y++) {
		char t = *x;

		*x = *y;
		*y = t;
	}
}

static void insertion_sort(const struct array *a, size_t count)
{
	for (size_t i = 1; i < count; i++)
		for (size_t j = i; j > 0 && less(a, j, j - 1); j--)
			swap(a, j, j - 1);
}

/* Moves element i down the max-heap of `count` elements to its place. */
static void sift_down(const struct array *a, size_t i, size_t count)
{
	for (;;) {
		size_t child = 2 * i + 1;

		if (child >= count)
			return;
		if (child + 1 < count && less(a, child, child + 1))
			child++;
		if (!less(a, i, child))
			return;
		swap(a, i, child);
		i = child;
	}
}

static void heap_sort(const struct array *a, size_t count)
{
	for (size_t i = count / 2; i > 0; i--)
		sift_down(a, i - 1, count);
	for (size_t end = count - 1; end > 0; end--) {
		swap(a, 0, end);
		sift_down(a, 0, end);
	}
}

/* Puts the median of the first, middle and last elements first. */
static void choose_pivot(const struct array *a, size_t count)
{
	size_t middle = count / 2, last = count - 1;

	if (less(a, middle, 0))
		swap(a, middle, 0);
	if (less(a, last, middle)) {
		swap(a, last, middle);
		if (less(a, middle, 0))
			swap(a, middle, 0);
	}
	swap(a, 0, middle);
}

/* Partitions around the first element; returns where the pivot ends, with
 * nothing greater before it and nothing less after it. */
static size_t partition(const struct array *a, size_t count)
{
	size_t i = 0, j = count;

	for (;;) {
		do
			i++;
		while (i < count && less(a, i, 0));
		do
			j--;
		while (less(a, 0, j));
		if (i >= j)
			break;
		swap(a, i, j);
	}
	swap(a, 0, j);
	return j;
}

/* Sorts the `count` elements from a->base; recurses into the smaller side
 * and loops on the larger, so the stack stays O(log n). */
static void introsort(struct array a, size_t count, int depth)
{
	while (count > INSERTION_SORT_MAX) {
		size_t pivot;

		if (depth-- == 0) {
			heap_sort(&a, count);
			return;
		}
		choose_pivot(&a, count);
		pivot = partition(&a, count);
		if (pivot < count - pivot - 1) {
			introsort(a, pivot, depth);
			a.base = at(&a, pivot + 1);
			count -= pivot + 1;
		} else {
			struct array right = a;

			right.base = at(&a, pivot + 1);
			introsort(right, count - pivot - 1, depth);
			count = pivot;
		}
	}
	insertion_sort(&a, count);
}

void qsort(void *base, size_t count, size_t size, compare_t compare)
{
	struct array a = { .base = base, .size = size, .compare = compare };
	int depth = 0;

	for (size_t n = count; n > 1; n >>= 1)
		depth += 2;
	introsort(a, count, depth);
}
