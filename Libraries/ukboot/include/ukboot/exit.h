/* Ending the image from anywhere, with the term functions run first. */
#ifndef UKBOOT_EXIT_H
#define UKBOOT_EXIT_H

/* Runs the term functions, then stops the image with `status`. */
__attribute__((noreturn)) void ukboot_exit(int status);

#endif
