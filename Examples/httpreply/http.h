/* HTTP/1.x requests in, canned responses out (http.c). */
#ifndef HTTPREPLY_HTTP_H
#define HTTPREPLY_HTTP_H

#include <stdbool.h>
#include <stddef.h>

/* The bytes to send for one request, and whether the connection ends
 * after them. */
struct http_reply {
	const char *data;
	size_t len;
	bool close;
};

/* Builds the responses; once, before the first request. */
void http_prepare(void);

/* Looks for one whole request (request line and headers up to the empty
 * line) at the start of the `len` bytes at `buf`. Returns its length and
 * fills *reply, or returns 0 when the request is not complete yet. */
size_t http_take_request(const char *buf, size_t len, struct http_reply *reply);

/* The reply for a request too large for the buffer. */
struct http_reply http_too_large(void);

#endif
