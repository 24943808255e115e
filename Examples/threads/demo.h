/* The parts of the threads example, one file each. */
#ifndef THREADS_DEMO_H
#define THREADS_DEMO_H

#include <uksched/sched.h>

/* uk_thread_create, ending the image with a message when memory is out. */
struct uk_thread *spawn(const char *name, uk_thread_fn_t entry, void *arg);

/* Three threads tick three times each on a 10 ms grid; returns the number
 * of ticks. */
int run_tickers(void);

/* Threads add to a shared counter with and without a mutex; returns the
 * counter reached with the mutex. */
int run_counter(void);

/* A producer and two consumers over a 3-slot buffer; returns the number
 * of items consumed. */
int run_buffer(void);

/* Measures and prints the cost of a yield round trip between two threads. */
void run_bench(void);

#endif
