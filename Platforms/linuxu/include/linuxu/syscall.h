/* Raw Linux system calls: linuxu images link no C library. */
#ifndef LINUXU_SYSCALL_H
#define LINUXU_SYSCALL_H

#include <stddef.h>

#if defined(__x86_64__)
#define LINUXU_SYS_WRITE      1
#define LINUXU_SYS_OPEN       2
#define LINUXU_SYS_MMAP       9
#define LINUXU_SYS_RT_SIGACTION 13
#define LINUXU_SYS_IOCTL      16
#define LINUXU_SYS_READV      19
#define LINUXU_SYS_GETPID     39
#define LINUXU_SYS_SIGALTSTACK 131
#define LINUXU_SYS_CLOCK_GETTIME   228
#define LINUXU_SYS_CLOCK_NANOSLEEP 230
#define LINUXU_SYS_EXIT_GROUP 231
#define LINUXU_SYS_PPOLL      271

static inline long linuxu_syscall0(long nr)
{
	long ret;

	__asm__ __volatile__("syscall" : "=a"(ret) : "a"(nr) : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall1(long nr, long a1)
{
	long ret;

	__asm__ __volatile__("syscall" : "=a"(ret) : "a"(nr), "D"(a1) : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall2(long nr, long a1, long a2)
{
	long ret;

	__asm__ __volatile__("syscall" : "=a"(ret) : "a"(nr), "D"(a1), "S"(a2) : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall3(long nr, long a1, long a2, long a3)
{
	long ret;

	__asm__ __volatile__("syscall" : "=a"(ret) : "a"(nr), "D"(a1), "S"(a2), "d"(a3)
			     : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	long ret;
	register long r10 __asm__("r10") = a4;

	__asm__ __volatile__("syscall" : "=a"(ret) : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
			     : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long ret;
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;

	__asm__ __volatile__("syscall" : "=a"(ret)
			     : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			     : "rcx", "r11", "memory");
	return ret;
}
#else
#error "linuxu: no system call glue for this architecture"
#endif

/* Linux's error returns are -4095..-1. */
#define LINUXU_IS_ERROR(ret) ((unsigned long)(ret) > -4096UL)
#define LINUXU_EINTR 4
#define LINUXU_EAGAIN 11

#endif
