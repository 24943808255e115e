/*
 * The parts of Xen's PVH start-of-day structure the kvm platform reads.
 * Layout from Xen's public ABI, arch-x86/hvm/start_info.h (version 1).
 */
#ifndef KVM_PVH_H
#define KVM_PVH_H

#include <stdint.h>

#define PVH_START_MAGIC 0x336ec578U
#define PVH_MEMMAP_TYPE_RAM 1

struct pvh_start_info {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;
	uint64_t cmdline_paddr;
	uint64_t rsdp_paddr;
	uint64_t memmap_paddr;    /* version >= 1 */
	uint32_t memmap_entries;  /* version >= 1 */
	uint32_t reserved;
};

struct pvh_memmap_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
	uint32_t reserved;
};

#endif
