/* The byte ring (ring.h): at most two copies per call, around the end. */
#include <string.h>

#include "ring.h"

/* A position past the oldest byte as an offset into the buffer: positions
 * stay below twice the size, so one subtraction wraps them. */
static uint32_t wrap(const struct ring *r, uint32_t position)
{
	return position >= r->size ? position - r->size : position;
}

uint32_t ring_write(struct ring *r, const void *src, uint32_t len)
{
	uint32_t end, first;

	if (len > ring_free(r))
		len = ring_free(r);
	end = wrap(r, r->start + r->used);
	first = r->size - end < len ? r->size - end : len;
	memcpy(r->data + end, src, first);
	memcpy(r->data, (const uint8_t *)src + first, len - first);
	r->used += len;
	return len;
}

void ring_peek(const struct ring *r, uint32_t offset, void *dst, uint32_t len)
{
	uint32_t from = wrap(r, r->start + offset);
	uint32_t first = r->size - from < len ? r->size - from : len;

	memcpy(dst, r->data + from, first);
	memcpy((uint8_t *)dst + first, r->data, len - first);
}

void ring_drop(struct ring *r, uint32_t len)
{
	r->start = wrap(r, r->start + len);
	r->used -= len;
	if (r->used == 0)
		r->start = 0; /* keeps later copies in one piece more often */
}

uint32_t ring_read(struct ring *r, void *dst, uint32_t len)
{
	if (len > r->used)
		len = r->used;
	ring_peek(r, 0, dst, len);
	ring_drop(r, len);
	return len;
}
