/* What the linuxu start code sets up before the boot library runs. */
#ifndef LINUXU_LINUXU_H
#define LINUXU_LINUXU_H

/* Remembers the start time the monotonic clock counts from. */
void linuxu_time_init(void);

/* Turns fault signals into crash reports (ukplat/crash.h). */
void linuxu_crash_init(void);

/* Attaches a network device for each netdev.tap=NAME argument (tap.c),
 * takes those arguments out of argv (argv[0] stays) and returns the new
 * argc. Ends the image when a tap cannot be attached. */
int linuxu_take_tap_arguments(int argc, char *argv[]);

#endif
