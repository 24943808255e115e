/*
 * Shim between Swift and seccomp-BPF: the numbers the loader's filter
 * names (syscall numbers, seccomp_data offsets, ioctl requests are macros
 * Swift cannot import) and the installation, which needs the variadic prctl.
 */
#ifndef CKVM_SECCOMP_H
#define CKVM_SECCOMP_H

#include <errno.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/kvm.h>
#include <linux/seccomp.h>

/* What the filter checks. */
static const unsigned int ckvm_audit_arch_x86_64 = AUDIT_ARCH_X86_64;
static const unsigned int ckvm_x32_syscall_bit = 0x40000000; /* __X32_SYSCALL_BIT */
static const unsigned int ckvm_seccomp_ret_allow = SECCOMP_RET_ALLOW;
static const unsigned int ckvm_seccomp_ret_kill_process = SECCOMP_RET_KILL_PROCESS;
static const unsigned int ckvm_seccomp_data_nr = offsetof(struct seccomp_data, nr);
static const unsigned int ckvm_seccomp_data_arch = offsetof(struct seccomp_data, arch);
static const unsigned int ckvm_seccomp_data_args = offsetof(struct seccomp_data, args);

/* The ioctls the run loop makes on its vCPU. */
static const unsigned long ckvm_ioctl_run = KVM_RUN;
static const unsigned long ckvm_ioctl_get_regs = KVM_GET_REGS;
static const unsigned long ckvm_ioctl_get_sregs = KVM_GET_SREGS;
/* And on its VM: interrupts from the IOAPIC. */
static const unsigned long ckvm_ioctl_signal_msi = KVM_SIGNAL_MSI;

/* Syscalls by name. */
static const unsigned int ckvm_sys_read = SYS_read;
static const unsigned int ckvm_sys_write = SYS_write;
static const unsigned int ckvm_sys_poll = SYS_poll;
static const unsigned int ckvm_sys_pread64 = SYS_pread64;
static const unsigned int ckvm_sys_pwrite64 = SYS_pwrite64;
static const unsigned int ckvm_sys_fdatasync = SYS_fdatasync;
static const unsigned int ckvm_sys_close = SYS_close;
static const unsigned int ckvm_sys_ioctl = SYS_ioctl;
static const unsigned int ckvm_sys_mmap = SYS_mmap;
static const unsigned int ckvm_sys_munmap = SYS_munmap;
static const unsigned int ckvm_sys_madvise = SYS_madvise;
static const unsigned int ckvm_sys_brk = SYS_brk;
static const unsigned int ckvm_sys_futex = SYS_futex;
static const unsigned int ckvm_sys_getrandom = SYS_getrandom;
static const unsigned int ckvm_sys_clock_gettime = SYS_clock_gettime;
static const unsigned int ckvm_sys_clock_nanosleep = SYS_clock_nanosleep;
static const unsigned int ckvm_sys_nanosleep = SYS_nanosleep;
static const unsigned int ckvm_sys_timer_delete = SYS_timer_delete;
static const unsigned int ckvm_sys_rt_sigreturn = SYS_rt_sigreturn;
static const unsigned int ckvm_sys_exit = SYS_exit;
static const unsigned int ckvm_sys_exit_group = SYS_exit_group;

/* Sets no_new_privs (so an unprivileged process may install a filter) and
 * installs `count` instructions. Returns 0 or -errno. */
static inline int ckvm_install_seccomp_filter(const struct sock_filter *program, unsigned short count)
{
    struct sock_fprog fprog = { .len = count, .filter = (struct sock_filter *)program };

    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return -errno;
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog) != 0)
        return -errno;
    return 0;
}

#endif
