/* The hand-over from a platform's start code to the boot library. */
#ifndef UKPLAT_BOOT_H
#define UKPLAT_BOOT_H

/* Implemented by the boot library: initialises the libraries, runs the
 * application's main(argc, argv) and exits with its status. */
__attribute__((noreturn)) void ukplat_entry(int argc, char *argv[]);

/* Splits `cmdline` in place into at most `max` arguments (separated by
 * blanks; double quotes group, backslash escapes the next character) and
 * returns how many it stored. argv[count] is set to NULL, so argv needs
 * max + 1 slots. */
int ukplat_cmdline_split(char *cmdline, char *argv[], int max);

#endif
