/*
 * Just enough HTTP/1.x (RFC 9112) for one fixed page: the request line and
 * the headers that decide whether the connection stays open. GET gets the
 * page, HEAD its headers, anything else 405.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "http.h"

static const char page[] =
	"<!DOCTYPE html>\n"
	"<html><head><title>unikit</title></head>\n"
	"<body><h1>Hello from a unikit unikernel</h1>\n"
	"<p>Served by httpreply over uknet.</p></body></html>\n";

#define HEADER_MAX 256

/* The page after its headers, once to keep the connection and once to
 * close it; header_len says where the page starts (HEAD stops there). */
struct page_response {
	char text[HEADER_MAX + sizeof(page)];
	size_t header_len, len;
};

static struct page_response keep_open, then_close;

#define CANNED(status) "HTTP/1.1 " status "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

static const char bad_request[] = CANNED("400 Bad Request");
static const char not_allowed[] =
	"HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\n"
	"Connection: close\r\n\r\n";
static const char too_large[] = CANNED("431 Request Header Fields Too Large");

static void prepare(struct page_response *response, const char *connection)
{
	response->header_len = (size_t)snprintf(
		response->text, HEADER_MAX,
		"HTTP/1.1 200 OK\r\nServer: unikit httpreply\r\n"
		"Content-Type: text/html; charset=utf-8\r\nContent-Length: %zu\r\n%s\r\n",
		sizeof(page) - 1, connection);
	memcpy(response->text + response->header_len, page, sizeof(page) - 1);
	response->len = response->header_len + sizeof(page) - 1;
}

void http_prepare(void)
{
	prepare(&keep_open, "");
	prepare(&then_close, "Connection: close\r\n");
}

static struct http_reply canned(const char *text, size_t len)
{
	return (struct http_reply){ text, len, true };
}

struct http_reply http_too_large(void)
{
	return canned(too_large, sizeof(too_large) - 1);
}

/* The first "\r\n\r\n" in the `len` bytes at `buf`: its offset, or -1.
 * memchr jumps from line end to line end (a string instruction, several
 * times cheaper per byte than a loop where instructions are emulated). */
static long find_blank_line(const char *buf, size_t len)
{
	const char *end = buf + len, *p = buf + 1;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		if (end - p >= 3 && p[-1] == '\r' && p[1] == '\r' && p[2] == '\n')
			return (long)(p - 1 - buf);
		p++;
	}
	return -1;
}

static bool starts_with_nocase(const char *s, const char *end, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (s == end || tolower((unsigned char)*s) != *prefix)
			return false;
	return true;
}

/* Whether `word` appears in [s, end), in any case. */
static bool contains_nocase(const char *s, const char *end, const char *word)
{
	for (; s < end; s++)
		if (starts_with_nocase(s, end, word))
			return true;
	return false;
}

/* Whether the header lines in [line, end) let the connection stay open:
 * no "Connection: close", and no body (which is not read). One pass; the
 * first letter picks the few names that matter. */
static bool headers_keep_open(const char *line, const char *end)
{
	while (line < end) {
		const char *line_end = memchr(line, '\r', (size_t)(end - line));

		if (!line_end)
			line_end = end;
		switch (*line | 0x20) {
		case 'c':
			if (starts_with_nocase(line, line_end, "content-length:") ||
			    (starts_with_nocase(line, line_end, "connection:") &&
			     contains_nocase(line, line_end, "close")))
				return false;
			break;
		case 't':
			if (starts_with_nocase(line, line_end, "transfer-encoding:"))
				return false;
			break;
		}
		line = line_end + 2;
	}
	return true;
}

size_t http_take_request(const char *buf, size_t len, struct http_reply *reply)
{
	long blank = find_blank_line(buf, len);
	const char *line_end, *version, *end;
	bool keep, head;
	const struct page_response *response;

	if (blank < 0)
		return 0;
	end = buf + blank + 2; /* the headers, each ending in \r\n */
	line_end = memchr(buf, '\r', (size_t)blank + 1);
	for (version = line_end; version > buf && version[-1] != ' '; version--)
		;
	/* A space before the version: the line holds a method and a version,
	 * so the fixed-length comparisons below stay inside the buffer. */
	if (version == buf || line_end - version != 8 || memcmp(version, "HTTP/1.", 7) != 0) {
		*reply = canned(bad_request, sizeof(bad_request) - 1);
		return (size_t)blank + 4;
	}
	if (memcmp(buf, "GET ", 4) == 0) {
		head = false;
	} else if (memcmp(buf, "HEAD ", 5) == 0) {
		head = true;
	} else {
		*reply = canned(not_allowed, sizeof(not_allowed) - 1);
		return (size_t)blank + 4;
	}
	/* HTTP/1.0 clients get one response per connection. */
	keep = version[7] == '1' && headers_keep_open(line_end + 2, end);
	response = keep ? &keep_open : &then_close;
	*reply = (struct http_reply){ response->text, head ? response->header_len : response->len,
				      !keep };
	return (size_t)blank + 4;
}
