/* A byte ring over a fixed buffer: socket receive and send buffers. */
#ifndef UKNET_RING_H
#define UKNET_RING_H

#include <stdint.h>

struct ring {
	uint8_t *data;
	uint32_t size;
	uint32_t start; /* offset of the oldest byte */
	uint32_t used;
};

static inline void ring_init(struct ring *r, uint8_t *data, uint32_t size)
{
	*r = (struct ring){ .data = data, .size = size };
}

static inline uint32_t ring_free(const struct ring *r)
{
	return r->size - r->used;
}

/* Appends as much of `len` bytes as fits; returns how much that was. */
uint32_t ring_write(struct ring *r, const void *src, uint32_t len);

/* Stores `len` bytes `offset` bytes past the oldest one, beyond the used
 * ones (used <= offset, offset + len <= size), without counting them as
 * used: TCP keeps segments that came early there. */
void ring_write_at(struct ring *r, uint32_t offset, const void *src, uint32_t len);

/* Counts `len` more bytes as used: ones ring_write_at stored (at most
 * free). */
static inline void ring_commit(struct ring *r, uint32_t len)
{
	r->used += len;
}

/* Copies `len` bytes from `offset` bytes past the oldest one, which must
 * be there (offset + len <= used), leaving them in place. */
void ring_peek(const struct ring *r, uint32_t offset, void *dst, uint32_t len);

/* Forgets the `len` oldest bytes (at most used). */
void ring_drop(struct ring *r, uint32_t len);

/* Takes out up to `len` of the oldest bytes; returns how many. */
uint32_t ring_read(struct ring *r, void *dst, uint32_t len);

#endif
