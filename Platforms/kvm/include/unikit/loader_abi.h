/*
 * The contract between unikit's KVM loader (Sources/Loader) and kvm-platform
 * guests. Both sides include this header; neither redefines what it says.
 *
 * Versioning: UNIKIT_ABI_VERSION changes whenever a struct layout, a port,
 * a note type or the machine state at the 64-bit entry changes meaning.
 * Adding a new port or note type that old loaders may ignore does not bump it.
 * Images carry the version they were built against in an ELF note; the loader
 * refuses an image whose version differs from its own.
 */
#ifndef UNIKIT_LOADER_ABI_H
#define UNIKIT_LOADER_ABI_H

/* Assembly sees the constants only. */
#ifndef __ASSEMBLER__
#include <stdint.h>
#endif

#define UNIKIT_ABI_VERSION 4

/*
 * ELF notes, in a PT_NOTE segment, owner name "unikit".
 * The same image also carries Xen's PVH note (type 18, XEN_ELFNOTE_PHYS32_ENTRY)
 * so QEMU, Firecracker and Xen boot it through the 32-bit PVH entry.
 */
#define UNIKIT_NOTE_NAME        "unikit"
#define UNIKIT_NOTE_ABI_VERSION 1 /* desc: uint32_t, UNIKIT_ABI_VERSION at build time */
#define UNIKIT_NOTE_ENTRY64     2 /* desc: uint64_t, address of the 64-bit entry */

/*
 * Guest-physical memory map when booted by the loader.
 * [0, UNIKIT_LOADER_AREA_END) belongs to the loader (GDT, page tables, boot
 * info, command line) and must not be reused by the guest. The image is
 * linked at or above UNIKIT_LOADER_AREA_END. RAM is [0, mem_size).
 */
#define UNIKIT_LOADER_AREA_END 0x100000ULL

/*
 * Machine state at the 64-bit entry:
 *   - long mode, paging on; [0, mem_size) identity-mapped, writable and
 *     executable, except page 0 (not mapped, so null pointers fault); the
 *     first 2 MiB in 4 KiB pages, the rest in 2 MiB pages; nothing else is
 *     mapped;
 *   - CS a flat 64-bit code segment, DS/ES/SS/FS/GS flat data segments;
 *   - interrupts disabled, no IDT (the guest installs its own);
 *   - rdi = guest-physical address of struct unikit_boot_info;
 *   - rsp = an address below which at least 4 KiB are free (the guest should
 *     switch to its own stack);
 *   - all other general-purpose registers are 0, rflags = 0x2.
 */
#define UNIKIT_BOOT_MAGIC 0x6b696e75U /* "unik" in memory order */

#ifndef __ASSEMBLER__
struct unikit_boot_info {
    uint32_t magic;       /* UNIKIT_BOOT_MAGIC */
    uint32_t version;     /* UNIKIT_ABI_VERSION */
    uint64_t mem_size;    /* bytes of RAM, starting at guest-physical 0 */
    uint64_t kernel_end;  /* first page-aligned address after the image */
    uint64_t cmdline;     /* guest-physical address of a NUL-terminated string */
    uint64_t cmdline_len; /* its length without the NUL */
    uint64_t tsc_hz;      /* TSC frequency, 0 if the loader does not know it */
    uint64_t wall_clock_ns; /* host's time of day at boot, ns since the Unix epoch (v2) */
};
#endif

/*
 * I/O ports. Every guest operation costs one exit: a whole console line
 * leaves in one `outl`, not one `out` per byte.
 */

/* outl: guest-physical address (< 4 GiB) of a struct unikit_console_write. */
#define UNIKIT_PORT_CONSOLE 0x0500
/* The loader writes at most this many bytes of one request; longer requests
 * are truncated and reported as an error. */
#define UNIKIT_CONSOLE_MAX_WRITE 4096

#ifndef __ASSEMBLER__
struct unikit_console_write {
    uint64_t data; /* guest-physical address of the bytes */
    uint64_t len;  /* number of bytes */
};
#endif

/*
 * outl: guest-physical address (< 4 GiB) of a struct unikit_idle (v3). The
 * loader blocks the vCPU for up to timeout_ns, so an idle guest costs the
 * host nothing (the loader polls its devices' host files meanwhile, which a
 * vCPU halted in the kernel would stop). It may return earlier (a signal, a
 * device with news): the guest re-checks its clock. It does not sleep at
 * all while an interrupt from one of its devices waits for the guest (v4),
 * and says so in interrupt_pending: the guest takes it with `sti; hlt`.
 */
#define UNIKIT_PORT_IDLE 0x0501

#ifndef __ASSEMBLER__
struct unikit_idle {
    uint64_t timeout_ns;
    uint64_t interrupt_pending; /* written by the loader (v4): 1 or 0 */
};
#endif

/* outl: the guest's exit status; the loader stops the VM and exits with it.
 * The same port is QEMU's isa-debug-exit (which reports 2 * status + 1). */
#define UNIKIT_PORT_EXIT 0x00f4

#endif /* UNIKIT_LOADER_ABI_H */
