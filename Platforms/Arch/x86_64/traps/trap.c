/*
 * The crash report for a CPU exception: what happened in words, the
 * registers, a backtrace, and an exit status that says which kind of crash
 * it was (ukplat/crash.h).
 */
#include <ukplat/crash.h>
#include <x86_64/paging.h>
#include <x86_64/traps.h>

enum {
	VECTOR_DIVIDE_ERROR = 0,
	VECTOR_INVALID_OPCODE = 6,
	VECTOR_DOUBLE_FAULT = 8,
	VECTOR_GENERAL_PROTECTION = 13,
	VECTOR_PAGE_FAULT = 14,
};

#define PF_PRESENT (1 << 0) /* page-fault error code bits */
#define PF_WRITE   (1 << 1)
#define PF_FETCH   (1 << 4)

#define NULL_PAGE_END 4096

static const char *const exception_names[32] = {
	"divide error (#DE)", "debug (#DB)", "non-maskable interrupt", "breakpoint (#BP)",
	"overflow (#OF)", "bound range exceeded (#BR)", "invalid opcode (#UD)",
	"device not available (#NM)", "double fault (#DF)", "coprocessor segment overrun",
	"invalid TSS (#TS)", "segment not present (#NP)", "stack-segment fault (#SS)",
	"general protection fault (#GP)", "page fault (#PF)", "reserved vector 15",
	"x87 floating-point error (#MF)", "alignment check (#AC)", "machine check (#MC)",
	"SIMD floating-point error (#XM)", "virtualization exception (#VE)",
	"control protection (#CP)", "reserved vector 22", "reserved vector 23",
	"reserved vector 24", "reserved vector 25", "reserved vector 26",
	"reserved vector 27", "hypervisor injection (#HV)", "VMM communication (#VC)",
	"security exception (#SX)", "reserved vector 31",
};

static uint64_t fault_address(void)
{
	uint64_t cr2;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(cr2));
	return cr2;
}

/* Explains a page fault and returns the status it ends the image with. */
static int explain_page_fault(const struct x86_64_trap_frame *frame)
{
	uint64_t address = fault_address();
	const char *access = frame->error_code & PF_FETCH ? "executing"
			     : frame->error_code & PF_WRITE ? "writing" : "reading";

	ukplat_crash_print(" ");
	ukplat_crash_print(access);
	ukplat_crash_print(" address ");
	ukplat_crash_print_hex(address, 16);
	if (x86_64_is_stack_guard(address)) {
		ukplat_crash_print(": stack overflow (guard page below the stack)\n");
		return UKPLAT_EXIT_STACK_OVERFLOW;
	}
	if (address < NULL_PAGE_END)
		ukplat_crash_print(": NULL pointer dereference\n");
	else if (frame->error_code & PF_PRESENT)
		ukplat_crash_print(": page protection violation\n");
	else
		ukplat_crash_print(": address not mapped\n");
	return UKPLAT_EXIT_MEMORY_FAULT;
}

static int explain(const struct x86_64_trap_frame *frame)
{
	switch (frame->vector) {
	case VECTOR_PAGE_FAULT:
		return explain_page_fault(frame);
	case VECTOR_DIVIDE_ERROR:
		ukplat_crash_print(": integer division by zero or overflow\n");
		return UKPLAT_EXIT_DIVIDE_ERROR;
	case VECTOR_INVALID_OPCODE:
		ukplat_crash_print("\n");
		return UKPLAT_EXIT_ILLEGAL_INSTRUCTION;
	case VECTOR_GENERAL_PROTECTION:
		ukplat_crash_print(" (error code ");
		ukplat_crash_print_hex(frame->error_code, 4);
		ukplat_crash_print(")\n");
		return UKPLAT_EXIT_MEMORY_FAULT;
	case VECTOR_DOUBLE_FAULT:
		ukplat_crash_print(": a fault while delivering another\n");
		return UKPLAT_EXIT_CPU_EXCEPTION;
	default:
		ukplat_crash_print("\n");
		return UKPLAT_EXIT_CPU_EXCEPTION;
	}
}

static void print_registers(const struct x86_64_trap_frame *f)
{
	const struct ukplat_crash_register registers[] = {
		{ "rip", f->rip }, { "rsp", f->rsp }, { "rbp", f->rbp }, { "rflags", f->rflags },
		{ "rax", f->rax }, { "rbx", f->rbx }, { "rcx", f->rcx }, { "rdx", f->rdx },
		{ "rsi", f->rsi }, { "rdi", f->rdi }, { "r8", f->r8 }, { "r9", f->r9 },
		{ "r10", f->r10 }, { "r11", f->r11 }, { "r12", f->r12 }, { "r13", f->r13 },
		{ "r14", f->r14 }, { "r15", f->r15 },
	};

	ukplat_crash_print_registers(registers, sizeof(registers) / sizeof(registers[0]));
}

void x86_64_trap(const struct x86_64_trap_frame *frame)
{
	int status;

	ukplat_crash_print("CRASH: ");
	ukplat_crash_print(exception_names[frame->vector & 31]);
	status = explain(frame);
	print_registers(frame);
	ukplat_crash_print_backtrace(frame->rip, frame->rbp);
	ukplat_crash_exit(status);
}
