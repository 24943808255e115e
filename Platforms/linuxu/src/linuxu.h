/* What the linuxu start code sets up before the boot library runs. */
#ifndef LINUXU_LINUXU_H
#define LINUXU_LINUXU_H

/* Remembers the start time the monotonic clock counts from. */
void linuxu_time_init(void);

/* Turns fault signals into crash reports (ukplat/crash.h). */
void linuxu_crash_init(void);

#endif
