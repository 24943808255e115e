/*
 * C entry points of the kvm platform, one per boot path: both gather the
 * command line and the free memory, then hand over to the boot library.
 */
#include <unikit/config.h>
#include <unikit/loader_abi.h>
#include <kvm/pvh.h>
#include <ukplat/boot.h>
#include <ukplat/crash.h>
#include <ukplat/exit.h>
#include <x86_64/boot.h>
#include <x86_64/setup.h>

#include "kvm.h"

#define CMDLINE_MAX 4096
#define ARGS_MAX 64

/* The PVH entry maps only the first 1 GiB. */
#define PVH_MAPPED_END (1ULL << 30)

#define PAGE_SIZE 4096
#define PAGE_ALIGN_UP(x) (((x) + PAGE_SIZE - 1) & ~(uintptr_t)(PAGE_SIZE - 1))

struct kvm_boot_state kvm_boot;

static char cmdline[CMDLINE_MAX];
static char *argv[ARGS_MAX + 1];

/* Copies the host's command line: the split below works in place, and the
 * host's copy lives in memory the image must not write. */
static void copy_cmdline(const char *src)
{
	size_t i = 0;

	if (src)
		for (; i < CMDLINE_MAX - 1 && src[i]; i++)
			cmdline[i] = src[i];
	cmdline[i] = '\0';
}

/* Installs the exception handlers and unmaps the NULL and stack-guard pages
 * (a page table comes from the free memory), then hands over: argv[0] is
 * the image's name, as for a process, and the command line follows, less
 * the virtio_mmio.device= arguments, which describe devices. */
__attribute__((noreturn)) static void enter_boot_library(void)
{
	int argc;

	if (kvm_boot.heap_end <= kvm_boot.heap_start) {
		ukplat_crash_print("kvm: no free RAM after the image\n");
		ukplat_crash_exit(UKPLAT_EXIT_MEMORY_FAULT);
	}
	x86_64_setup(&kvm_boot.heap_start);
#ifdef CONFIG_UKPLAT_IRQ
	kvm_apic_map(); /* now: page tables come from memory the heap takes next */
#endif
	kvm_console_init();
	argv[0] = CONFIG_UK_NAME;
	argc = 1 + ukplat_cmdline_split(cmdline, argv + 1, ARGS_MAX - 1);
	ukplat_entry(kvm_take_virtio_mmio_arguments(argc, argv), argv);
}

void ukplat_start_loader(const struct unikit_boot_info *info)
{
	kvm_boot.host = KVM_HOST_UNIKIT_LOADER;
	if (info->magic != UNIKIT_BOOT_MAGIC || info->version != UNIKIT_ABI_VERSION)
		ukplat_exit(127);
	kvm_boot.heap_start = PAGE_ALIGN_UP((uintptr_t)_image_end);
	kvm_boot.heap_end = info->mem_size;
	copy_cmdline((const char *)(uintptr_t)info->cmdline);
	kvm_time_init(info->tsc_hz, info->wall_clock_ns);
	enter_boot_library();
}

/* Heap: the RAM region holding the image, from the image's end. */
static void find_pvh_heap(const struct pvh_start_info *info)
{
	const struct pvh_memmap_entry *map;
	uintptr_t image_end = PAGE_ALIGN_UP((uintptr_t)_image_end);
	uint32_t i;

	if (info->version < 1)
		return;
	map = (const struct pvh_memmap_entry *)(uintptr_t)info->memmap_paddr;
	for (i = 0; i < info->memmap_entries; i++) {
		uint64_t end = map[i].addr + map[i].size;

		if (map[i].type != PVH_MEMMAP_TYPE_RAM || map[i].addr > (uintptr_t)_image_start || end <= image_end)
			continue;
		kvm_boot.heap_start = image_end;
		kvm_boot.heap_end = end < PVH_MAPPED_END ? end : PVH_MAPPED_END;
		return;
	}
}

void ukplat_start_pvh(uint64_t start_info)
{
	const struct pvh_start_info *info = (const struct pvh_start_info *)(uintptr_t)start_info;

	kvm_boot.host = KVM_HOST_PVH;
	if (info->magic != PVH_START_MAGIC)
		ukplat_exit(127);
	find_pvh_heap(info);
	copy_cmdline((const char *)(uintptr_t)info->cmdline_paddr);
	kvm_time_init(0, 0);
	enter_boot_library();
}
