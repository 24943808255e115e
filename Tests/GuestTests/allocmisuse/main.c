/*
 * Misuses the allocator the way its argument says: double (frees a block
 * twice), merged (frees twice a block that was merged with a free
 * neighbour), foreign (frees an address outside the heap), inside (frees
 * an address inside a block); "none" uses it correctly. With
 * LIBUKALLOC_CHECKS each misuse panics; exits with 1 if it does not.
 */
#include <stdio.h>
#include <string.h>
#include <ukalloc/alloc.h>

static char not_from_heap[64] __attribute__((aligned(16)));

int main(int argc, char *argv[])
{
	const char *what = argc > 1 ? argv[1] : "";
	char *a = uk_malloc(100), *b = uk_malloc(100), *c = uk_malloc(100);

	printf("misusing: %s\n", what);
	if (!strcmp(what, "none")) {
		uk_free(b);
		uk_free(a);
		uk_free(c);
		return 0;
	}
	if (!strcmp(what, "double")) {
		uk_free(b);
		uk_free(b);
	} else if (!strcmp(what, "merged")) {
		uk_free(a);
		uk_free(b);
		uk_free(b);
	} else if (!strcmp(what, "foreign")) {
		uk_free(not_from_heap);
	} else if (!strcmp(what, "inside")) {
		memset(a, 0, 100);
		uk_free(a + 32);
	} else {
		printf("unknown misuse \"%s\": none, double, merged, foreign or inside\n", what);
		return 2;
	}
	printf("misuse not detected\n");
	return 1;
}
