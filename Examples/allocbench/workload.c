/*
 * The allocation workload: a table of live-block slots; each operation
 * picks a slot at random (xorshift64*, fixed seed) and allocates into an
 * empty one, or reallocates or frees a full one. Sizes are mostly small,
 * some medium, a few large. Every block holds a pattern derived from its
 * serial number, checked before it is reallocated or freed.
 */
#include <stdlib.h>

#include "workload.h"

#define EDGE 16 /* bytes written at each end of a block in the timed run */

struct slot {
	unsigned char *p;
	size_t size;     /* requested */
	uint64_t serial; /* the pattern's seed */
};

struct run {
	uint64_t rng;
	int whole_blocks; /* pattern in every byte, else EDGE bytes at each end */
	unsigned long allocations, failed, errors;
};

static uint64_t next_random(struct run *r)
{
	r->rng ^= r->rng >> 12;
	r->rng ^= r->rng << 25;
	r->rng ^= r->rng >> 27;
	return r->rng * 0x2545f4914f6cdd1dULL;
}

/* 60 % small (1-64 bytes), 25 % medium (to 1 KiB), 12 % to 8 KiB, 3 %
 * large (to max). */
static size_t random_size(struct run *r, size_t max)
{
	uint64_t x = next_random(r), percent = x % 100, bits = x >> 8;
	size_t size;

	if (percent < 60)
		size = 1 + bits % 64;
	else if (percent < 85)
		size = 65 + bits % 960;
	else if (percent < 97)
		size = 1025 + bits % 7168;
	else
		size = 8193 + bits % (max > 8193 ? max - 8192 : 1);
	return size < max ? size : max;
}

/* Byte i of block `serial`'s pattern: byte i % 8 of word i / 8, so a
 * shorter block's pattern is a prefix of a longer one's. */
static uint64_t pattern_word(uint64_t serial, size_t i)
{
	return (serial << 32 ^ i) * 0x9e3779b97f4a7c15ULL;
}

static unsigned char pattern_byte(uint64_t serial, size_t i)
{
	return (unsigned char)(pattern_word(serial, i / 8) >> (i % 8 * 8));
}

/* Writes (or, with `check`, compares) the pattern on bytes [from, to);
 * returns whether all compared bytes matched. */
static int pattern(unsigned char *p, size_t from, size_t to, uint64_t serial, int check)
{
	size_t i = from;

	for (; i < to && i % 8 != 0; i++) {
		if (!check)
			p[i] = pattern_byte(serial, i);
		else if (p[i] != pattern_byte(serial, i))
			return 0;
	}
	for (; i + 8 <= to; i += 8) {
		if (!check)
			*(uint64_t *)(p + i) = pattern_word(serial, i / 8);
		else if (*(uint64_t *)(p + i) != pattern_word(serial, i / 8))
			return 0;
	}
	for (; i < to; i++) {
		if (!check)
			p[i] = pattern_byte(serial, i);
		else if (p[i] != pattern_byte(serial, i))
			return 0;
	}
	return 1;
}

/* Applies `pattern` to the bytes of a `size`-byte block the run writes,
 * as far as the first `valid` bytes go. */
static int written_part(struct run *r, unsigned char *p, size_t size, size_t valid,
			uint64_t serial, int check)
{
	size_t head = size < EDGE ? size : EDGE;
	int ok;

	if (r->whole_blocks)
		return pattern(p, 0, size < valid ? size : valid, serial, check);
	ok = pattern(p, 0, head < valid ? head : valid, serial, check);
	if (size <= valid)
		ok &= pattern(p, size - head, size, serial, check);
	return ok;
}

static void fill(struct run *r, struct slot *s)
{
	written_part(r, s->p, s->size, s->size, s->serial, 0);
}

static void verify(struct run *r, const struct slot *s, size_t valid)
{
	if (!written_part(r, s->p, s->size, valid, s->serial, 1))
		r->errors++;
}

static int usable(struct run *r, unsigned char *p)
{
	if (!p) {
		r->failed++;
		return 0;
	}
	if ((uintptr_t)p % 16 != 0)
		r->errors++;
	return 1;
}

static void operate(struct run *r, struct slot *s, size_t max_size, uint64_t serial)
{
	if (!s->p) {
		s->size = random_size(r, max_size);
		s->p = malloc(s->size);
		r->allocations++;
		if (usable(r, s->p)) {
			s->serial = serial;
			fill(r, s);
		}
	} else if (next_random(r) % 4 == 0) {
		size_t size = random_size(r, max_size);
		unsigned char *p = realloc(s->p, size);

		r->allocations++;
		if (!usable(r, p))
			return; /* the old block stays */
		s->p = p;
		verify(r, s, size);
		s->size = size;
		s->serial = serial;
		fill(r, s);
	} else {
		verify(r, s, s->size);
		free(s->p);
		s->p = 0;
	}
}

static void run(const struct workload *w, struct run *r, struct slot *slots)
{
	for (unsigned long op = 0; op < w->operations; op++)
		operate(r, &slots[next_random(r) % w->live_blocks], w->max_size, op);
	for (unsigned i = 0; i < w->live_blocks; i++) {
		if (slots[i].p) {
			verify(r, &slots[i], slots[i].size);
			free(slots[i].p);
			slots[i].p = 0;
		}
	}
}

int workload_measure(const struct workload *w, uint64_t (*now_ns)(void),
		     struct workload_report *report)
{
	struct slot *slots = calloc(w->live_blocks, sizeof(*slots));
	struct run checked = { 0x9e3779b97f4a7c15ULL, 1, 0, 0, 0 };
	struct run timed = checked;
	uint64_t start;

	*report = (struct workload_report){ w->operations, 0, 0, 0, 0 };
	if (!slots)
		return -1;
	run(w, &checked, slots);
	timed.whole_blocks = 0;
	start = now_ns();
	run(w, &timed, slots);
	report->timed_ns = now_ns() - start;
	free(slots);
	report->failed = checked.failed + timed.failed;
	report->integrity_errors = checked.errors + timed.errors;
	report->timed_allocations = timed.allocations;
	return 0;
}

uint64_t workload_allocs_per_second(const struct workload_report *report)
{
	uint64_t ns = report->timed_ns ? report->timed_ns : 1;

	return report->timed_allocations * 1000000000ULL / ns;
}

size_t workload_fill(const struct workload *w)
{
	struct run r = { 0x2545f4914f6cdd1dULL, 0, 0, 0, 0 };
	void **chain = 0, **p;
	size_t bytes = 0;

	for (;;) {
		size_t size = random_size(&r, w->max_size);

		p = malloc(size < sizeof(*p) ? sizeof(*p) : size);
		if (!p)
			break;
		*p = chain; /* the blocks form a list through their first word */
		chain = p;
		bytes += size;
	}
	while (chain) {
		p = *chain;
		free(chain);
		chain = p;
	}
	return bytes;
}
