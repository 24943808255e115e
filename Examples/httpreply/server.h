/* The open connections of httpreply and their requests (server.c). */
#ifndef HTTPREPLY_SERVER_H
#define HTTPREPLY_SERVER_H

#include <stddef.h>
#include <stdint.h>

/* Takes every connection waiting on `listener`. */
void server_accept(int listener);

/* Reads requests and sends replies on every connection as far as the
 * stack allows now; returns the number of replies queued. */
unsigned long server_serve(void);

/* When the next idle connection times out (UK_TIME_NEVER for none). */
uint64_t server_next_deadline(void);

size_t server_connections(void);

#endif
