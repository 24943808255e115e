/*
 * Shim between Swift and linux/kvm.h plus the guest<->loader ABI.
 *
 * Swift cannot call the variadic ioctl(2) nor import the _IO* macros, so each
 * KVM call the loader makes is one static inline function here. Every wrapper
 * returns the ioctl's non-negative result, or -errno on failure. None retries
 * EINTR: the Swift side decides (KVM_RUN is interrupted by signals on purpose).
 */
#ifndef CKVM_H
#define CKVM_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cpuid.h>
#include <linux/kvm.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <xen/arch-x86/hvm/start_info.h>
#include "../../../Platforms/kvm/include/unikit/loader_abi.h"

/* Xen's PVH entry note (xen/elfnote.h): owner "Xen", a 32-bit address. */
#define CKVM_XEN_ELFNOTE_PHYS32_ENTRY 18

/* Exit reasons newer than linux-libc-dev 6.1, named in messages only. */
#ifndef KVM_EXIT_NOTIFY
#define KVM_EXIT_NOTIFY 37
#endif
#ifndef KVM_EXIT_MEMORY_FAULT
#define KVM_EXIT_MEMORY_FAULT 39
#endif

/* The most CPUID leaves ckvm_set_cpuid2 passes to KVM in one call. */
#define CKVM_MAX_CPUID_ENTRIES 16

static inline int ckvm_result(int r) { return r < 0 ? -errno : r; }

/* /dev/kvm */
static inline int ckvm_get_api_version(int kvm) {
    return ckvm_result(ioctl(kvm, KVM_GET_API_VERSION, 0));
}
static inline int ckvm_create_vm(int kvm) {
    return ckvm_result(ioctl(kvm, KVM_CREATE_VM, 0UL));
}
static inline int ckvm_get_vcpu_mmap_size(int kvm) {
    return ckvm_result(ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0));
}

/* VM */
static inline int ckvm_set_user_memory_region(int vm, const struct kvm_userspace_memory_region *region) {
    return ckvm_result(ioctl(vm, KVM_SET_USER_MEMORY_REGION, region));
}
static inline int ckvm_create_vcpu(int vm, unsigned long id) {
    return ckvm_result(ioctl(vm, KVM_CREATE_VCPU, id));
}
/* The split irqchip (KVM_CAP_SPLIT_IRQCHIP): local APICs in the kernel, the
 * IOAPIC in user space, `pins` routes reserved for it. Before any vCPU. */
static inline int ckvm_enable_split_irqchip(int vm, uint64_t pins) {
    struct kvm_enable_cap cap;
    memset(&cap, 0, sizeof cap);
    cap.cap = KVM_CAP_SPLIT_IRQCHIP;
    cap.args[0] = pins;
    return ckvm_result(ioctl(vm, KVM_ENABLE_CAP, &cap));
}
/* Sends a message-signalled interrupt (an APIC bus message: `address` in
 * 0xfeexxxxx, `data` the vector and delivery mode) to the local APICs.
 * 1 when delivered, 0 when the guest blocked it, or -errno. */
static inline int ckvm_signal_msi(int vm, uint64_t address, uint32_t data) {
    struct kvm_msi msi;
    memset(&msi, 0, sizeof msi);
    msi.address_lo = (uint32_t)address;
    msi.address_hi = (uint32_t)(address >> 32);
    msi.data = data;
    return ckvm_result(ioctl(vm, KVM_SIGNAL_MSI, &msi));
}

/* vCPU */
static inline int ckvm_run(int vcpu) {
    return ckvm_result(ioctl(vcpu, KVM_RUN, 0));
}
static inline int ckvm_get_regs(int vcpu, struct kvm_regs *regs) {
    return ckvm_result(ioctl(vcpu, KVM_GET_REGS, regs));
}
static inline int ckvm_set_regs(int vcpu, const struct kvm_regs *regs) {
    return ckvm_result(ioctl(vcpu, KVM_SET_REGS, regs));
}
static inline int ckvm_get_sregs(int vcpu, struct kvm_sregs *sregs) {
    return ckvm_result(ioctl(vcpu, KVM_GET_SREGS, sregs));
}
static inline int ckvm_set_sregs(int vcpu, const struct kvm_sregs *sregs) {
    return ckvm_result(ioctl(vcpu, KVM_SET_SREGS, sregs));
}
/* The vCPU's TSC frequency in kHz (KVM_CAP_GET_TSC_KHZ). */
static inline int ckvm_get_tsc_khz(int vcpu) {
    return ckvm_result(ioctl(vcpu, KVM_GET_TSC_KHZ, 0));
}

/*
 * KVM_SET_CPUID2 with `count` entries. struct kvm_cpuid2 ends in a flexible
 * array, which Swift cannot build, so the header and entries are assembled
 * here in a stack buffer. Returns -E2BIG above CKVM_MAX_CPUID_ENTRIES.
 */
static inline int ckvm_set_cpuid2(int vcpu, const struct kvm_cpuid_entry2 *entries, uint32_t count) {
    union {
        struct kvm_cpuid2 header;
        unsigned char bytes[sizeof(struct kvm_cpuid2)
                            + CKVM_MAX_CPUID_ENTRIES * sizeof(struct kvm_cpuid_entry2)];
    } buffer;
    if (count > CKVM_MAX_CPUID_ENTRIES)
        return -E2BIG;
    memset(&buffer, 0, sizeof buffer);
    buffer.header.nent = count;
    memcpy(buffer.bytes + sizeof(struct kvm_cpuid2), entries, count * sizeof *entries);
    return ckvm_result(ioctl(vcpu, KVM_SET_CPUID2, &buffer.header));
}

/* Where struct kvm_run keeps an MMIO exit's data bytes (inside an anonymous union). */
static inline size_t ckvm_run_mmio_data_offset(void) {
    return offsetof(struct kvm_run, mmio.data);
}

/* The host CPU's answer to CPUID(leaf, subleaf). */
struct ckvm_cpuid_regs {
    uint32_t eax, ebx, ecx, edx;
};
static inline struct ckvm_cpuid_regs ckvm_host_cpuid(uint32_t leaf, uint32_t subleaf) {
    struct ckvm_cpuid_regs r;
    __cpuid_count(leaf, subleaf, r.eax, r.ebx, r.ecx, r.edx);
    return r;
}

/* The calling thread's id, for a timer that signals this thread only
 * (glibc declares gettid only under _GNU_SOURCE). */
static inline int ckvm_gettid(void) {
    return (int)syscall(SYS_gettid);
}

/* Orders the stores before it (a used ring element) before those after
 * it (the used index), for the guest's vCPU on another thread later. */
static inline void ckvm_release_fence(void) {
    __atomic_thread_fence(__ATOMIC_RELEASE);
}

/* Attaches a /dev/net/tun descriptor to tap interface `name` (created if
 * missing), frames without the packet-information prefix. 0 or -errno. */
static inline int ckvm_tap_attach(int fd, const char *name) {
    struct ifreq request;
    memset(&request, 0, sizeof request);
    if (strlen(name) >= IFNAMSIZ)
        return -ENAMETOOLONG;
    strcpy(request.ifr_name, name);
    request.ifr_flags = IFF_TAP | IFF_NO_PI;
    return ckvm_result(ioctl(fd, TUNSETIFF, &request));
}

#endif
