/*
 * Crash reports on linuxu: the signals Linux sends for CPU faults are caught
 * on an alternate stack (so a stack overflow can be reported too) and turned
 * into the same report and exit status a kvm image gives (ukplat/crash.h).
 */
#include <linuxu/syscall.h>
#include <ukplat/crash.h>

#include "linuxu.h"

#define SIGILL  4
#define SIGTRAP 5
#define SIGBUS  7
#define SIGFPE  8
#define SIGSEGV 11

#define SA_SIGINFO 0x4
#define SA_ONSTACK 0x08000000
#define SA_RESTORER 0x04000000

#define ALT_STACK_SIZE (16 * 1024)
#define PAGE_SIZE 4096
/* A fault this close below the stack pointer is the stack running out. */
#define STACK_OVERFLOW_REACH (64 * 1024)

#define PF_WRITE 0x2 /* page-fault error code bit, as the kernel passes it */

struct kernel_sigaction {
	void (*handler)(int, void *, void *);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

struct signal_stack {
	void *sp;
	int flags;
	size_t size;
};

/* The parts of siginfo_t and ucontext_t read here (x86_64 layout). */
struct siginfo_fault {
	int signo, errno_value, code, pad;
	uint64_t address;
};

enum { REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15, REG_RDI, REG_RSI,
       REG_RBP, REG_RBX, REG_RDX, REG_RAX, REG_RCX, REG_RSP, REG_RIP, REG_EFL, REG_CSGSFS,
       REG_ERR, REG_TRAPNO, REG_COUNT = 23 };

struct ucontext_regs {
	uint64_t flags, link;
	struct signal_stack stack;
	uint64_t gregs[REG_COUNT];
};

void linuxu_signal_return(void); /* start.S */

static char alt_stack[ALT_STACK_SIZE] __attribute__((aligned(16)));

static int explain_memory_fault(const struct siginfo_fault *info, const uint64_t *gregs)
{
	uint64_t address = info->address, rsp = gregs[REG_RSP];

	ukplat_crash_print(gregs[REG_ERR] & PF_WRITE ? " writing" : " reading");
	ukplat_crash_print(" address ");
	ukplat_crash_print_hex(address, 16);
	if (address < rsp + PAGE_SIZE && address + STACK_OVERFLOW_REACH > rsp) {
		ukplat_crash_print(": stack overflow\n");
		return UKPLAT_EXIT_STACK_OVERFLOW;
	}
	ukplat_crash_print(address < PAGE_SIZE ? ": NULL pointer dereference\n" : "\n");
	return UKPLAT_EXIT_MEMORY_FAULT;
}

static int explain(const struct siginfo_fault *info, const uint64_t *gregs)
{
	switch (info->signo) {
	case SIGSEGV:
		ukplat_crash_print("memory fault (SIGSEGV)");
		return explain_memory_fault(info, gregs);
	case SIGBUS:
		ukplat_crash_print("bus error (SIGBUS)");
		return explain_memory_fault(info, gregs);
	case SIGFPE:
		ukplat_crash_print("divide error (SIGFPE): integer division by zero or overflow\n");
		return UKPLAT_EXIT_DIVIDE_ERROR;
	case SIGILL:
		ukplat_crash_print("invalid opcode (SIGILL)\n");
		return UKPLAT_EXIT_ILLEGAL_INSTRUCTION;
	default:
		ukplat_crash_print("trap (SIGTRAP)\n");
		return UKPLAT_EXIT_CPU_EXCEPTION;
	}
}

static void print_registers(const uint64_t *g)
{
	const struct ukplat_crash_register registers[] = {
		{ "rip", g[REG_RIP] }, { "rsp", g[REG_RSP] }, { "rbp", g[REG_RBP] }, { "rflags", g[REG_EFL] },
		{ "rax", g[REG_RAX] }, { "rbx", g[REG_RBX] }, { "rcx", g[REG_RCX] }, { "rdx", g[REG_RDX] },
		{ "rsi", g[REG_RSI] }, { "rdi", g[REG_RDI] }, { "r8", g[REG_R8] }, { "r9", g[REG_R9] },
		{ "r10", g[REG_R10] }, { "r11", g[REG_R11] }, { "r12", g[REG_R12] }, { "r13", g[REG_R13] },
		{ "r14", g[REG_R14] }, { "r15", g[REG_R15] },
	};

	ukplat_crash_print_registers(registers, sizeof(registers) / sizeof(registers[0]));
}

static void on_fault(int signal, void *siginfo, void *context)
{
	const struct siginfo_fault *info = siginfo;
	const uint64_t *gregs = ((const struct ucontext_regs *)context)->gregs;
	int status;

	(void)signal;
	ukplat_crash_print("CRASH: ");
	status = explain(info, gregs);
	print_registers(gregs);
	ukplat_crash_print_backtrace(gregs[REG_RIP], gregs[REG_RBP]);
	ukplat_crash_exit(status);
}

void linuxu_crash_init(void)
{
	static const int signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP };
	struct signal_stack stack = { alt_stack, 0, sizeof(alt_stack) };
	struct kernel_sigaction action = {
		.handler = on_fault,
		.flags = SA_SIGINFO | SA_ONSTACK | SA_RESTORER,
		.restorer = linuxu_signal_return,
	};

	linuxu_syscall2(LINUXU_SYS_SIGALTSTACK, (long)&stack, 0);
	for (unsigned int i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		linuxu_syscall4(LINUXU_SYS_RT_SIGACTION, signals[i], (long)&action, 0,
				sizeof(unsigned long));
}
