/* Ending the image, implemented by each platform. */
#ifndef UKPLAT_EXIT_H
#define UKPLAT_EXIT_H

/* Stops the image; the host sees `status` (the loader and linuxu report it
 * as is, QEMU's isa-debug-exit as 2 * status + 1). Never returns. */
__attribute__((noreturn)) void ukplat_exit(int status);

#endif
