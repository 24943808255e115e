/*
 * Segments that arrive after a gap (one before them was lost) are kept, so
 * that the retransmission of the missing one completes everything at once:
 * without it a sender that does not know SACK resends the whole window
 * segment by segment, a round trip (or a timeout) each. The data goes
 * straight to its place in the receive ring, beyond the bytes counted as
 * used; a few ranges of sequence numbers say what is there.
 */
#include "tcp.h"

static void remove_range(struct tcp_conn *c, int i)
{
	c->early[i] = c->early[--c->early_count];
}

void tcp_keep_early(struct sock *s, uint32_t seq, const uint8_t *data, uint32_t len)
{
	struct tcp_conn *c = &s->tcp;
	uint32_t offset = seq - c->rcv_nxt; /* > 0: it came early */
	uint32_t room = ring_free(&s->rx);
	struct tcp_range merged;

	if (offset >= room)
		return;
	if (len > room - offset)
		len = room - offset;
	if (len == 0)
		return;
	/* Ranges it touches or overlaps become one with it. */
	merged = (struct tcp_range){ seq, seq + len };
	for (int i = 0; i < c->early_count;) {
		struct tcp_range *r = &c->early[i];

		if (SEQ_LEQ(r->start, merged.end) && SEQ_GEQ(r->end, merged.start)) {
			if (SEQ_LT(r->start, merged.start))
				merged.start = r->start;
			if (SEQ_GT(r->end, merged.end))
				merged.end = r->end;
			remove_range(c, i);
		} else {
			i++;
		}
	}
	if (c->early_count == TCP_EARLY_RANGES)
		return; /* no room to remember it: the sender resends it */
	c->early[c->early_count++] = merged;
	ring_write_at(&s->rx, s->rx.used + offset, data, len);
}

void tcp_take_early(struct sock *s)
{
	struct tcp_conn *c = &s->tcp;
	bool took;

	do {
		took = false;
		for (int i = 0; i < c->early_count; i++) {
			struct tcp_range *r = &c->early[i];

			if (SEQ_GT(r->start, c->rcv_nxt))
				continue;
			if (SEQ_GT(r->end, c->rcv_nxt)) {
				ring_commit(&s->rx, r->end - c->rcv_nxt);
				c->rcv_nxt = r->end;
			}
			remove_range(c, i);
			took = true;
			break;
		}
	} while (took);
}
