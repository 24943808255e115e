/*
 * The CPU setup every bare-metal boot path runs: the exception tables
 * (traps.h) and the holes in the boot map (paging.h).
 *
 * On PVM each privileged instruction is a VM exit after which KVM emulates
 * up to 1024 further instructions at ~0.5 µs each, so the tables are all
 * filled first at full speed and the privileged instructions then run back
 * to back: one exit window instead of several (machine-notes.md).
 */
#ifndef X86_64_SETUP_H
#define X86_64_SETUP_H

#include <stdint.h>

/* Page tables it needs come from *free (page-aligned; moves past them). */
void x86_64_setup(uintptr_t *free);

#endif
