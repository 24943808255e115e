/*
 * The shared log the threads write to, under a mutex. Entries are small
 * records printed after each part, not lines printed as they happen: a
 * slow console (a serial port costs milliseconds per line) must not delay
 * a thread past the next 10 ms slot and change the order of events.
 */
#ifndef THREADS_LOG_H
#define THREADS_LOG_H

/* Marks an entry without a time on the grid. */
#define LOG_NO_TIME (-1)

/* Records "[ms] who: what value" (or "who: what value" for LOG_NO_TIME);
 * `who` and `what` must stay valid until log_print. */
void log_event(int ms, const char *who, const char *what, int value);

/* Prints the entries recorded so far, forgets them, returns their number. */
int log_print(void);

#endif
