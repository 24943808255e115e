/*
 * The x86_64 boot entries (pvh_entry.S, loader_entry.S) switch to the boot
 * stack and call one of these C functions, which the platform implements.
 */
#ifndef X86_64_BOOT_H
#define X86_64_BOOT_H

#include <stdint.h>

struct unikit_boot_info;

/* Reached from the 32-bit PVH entry once long mode is on. `start_info` is
 * the guest-physical address of Xen's struct hvm_start_info; the first 1 GiB
 * is identity-mapped. */
__attribute__((noreturn)) void ukplat_start_pvh(uint64_t start_info);

/* Reached from unikit's loader, which entered long mode itself. */
__attribute__((noreturn)) void ukplat_start_loader(const struct unikit_boot_info *info);

#endif
