/* The byte ring (ring.h): at most two copies per call, around the end. */
#include <string.h>

#include "ring.h"

/* A position past the oldest byte as an offset into the buffer: positions
 * stay below twice the size, so one subtraction wraps them. */
static uint32_t wrap(const struct ring *r, uint32_t position)
{
	return position >= r->size ? position - r->size : position;
}

void ring_write_at(struct ring *r, uint32_t offset, const void *src, uint32_t len)
{
	uint32_t at = wrap(r, r->start + offset);
	uint32_t first = r->size - at < len ? r->size - at : len;

	memcpy(r->data + at, src, first);
	memcpy(r->data, (const uint8_t *)src + first, len - first);
}

uint32_t ring_write(struct ring *r, const void *src, uint32_t len)
{
	if (len > ring_free(r))
		len = ring_free(r);
	ring_write_at(r, r->used, src, len);
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
}

uint32_t ring_read(struct ring *r, void *dst, uint32_t len)
{
	if (len > r->used)
		len = r->used;
	ring_peek(r, 0, dst, len);
	ring_drop(r, len);
	return len;
}
