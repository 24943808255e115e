/*
 * A minimal KVM runner for unikit kvm images, in C: the reference that
 * Benchmarks/loader-boot.sh times `unikit run` against (issue 7). It is not
 * part of unikit. It boots an image exactly as Sources/Loader does, with the
 * same steps in the same order and the same machine state (GuestLayout.swift,
 * BootTables.swift, LongModeRegisters.swift, CPUIDTable.swift), and handles
 * the same ports (console, exit, idle, COM1), but checks only what keeps itself
 * from crashing: a benchmark reference, not a security boundary.
 *
 *   cc -O2 -static -I Platforms/kvm/include -o runner Benchmarks/c-runner/runner.c
 *   runner IMAGE [guest arguments...]      (32 MiB of RAM; exit status: the guest's)
 *
 * Guest arguments are joined with spaces into the command line (no quoting).
 * Anything the guest does besides printing and exiting ends the run with the
 * exit reason and status 1.
 */
#include <cpuid.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unikit/loader_abi.h>

#define MEM_SIZE (32ULL << 20)

/* The loader area, as in GuestLayout.swift. */
#define GDT_ADDR 0x1000ULL
#define BOOT_INFO_ADDR 0x2000ULL
#define CMDLINE_ADDR 0x3000ULL
#define CMDLINE_CAPACITY 0x1000ULL
#define BOOT_STACK_TOP 0x8000ULL
#define PML4_ADDR 0x8000ULL
#define PDPT_ADDR 0x9000ULL
#define PAGE_DIRECTORIES_ADDR 0xa000ULL
#define FIRST_PAGE_TABLE_ADDR 0x4a000ULL
#define PAGE_SIZE_4K 0x1000ULL
#define PAGE_SIZE_2M (2ULL << 20)

#define PTE_PRESENT_WRITABLE 0x3ULL
#define PTE_LARGE_PAGE 0x80ULL

#define CODE_SELECTOR 0x08
#define DATA_SELECTOR 0x10

#define COM1_BASE 0x3f8
#define COM1_LINE_CONTROL (COM1_BASE + 3)
#define COM1_LINE_STATUS (COM1_BASE + 5)
#define COM1_DIVISOR_LATCH 0x80

static void die(const char *format, ...)
{
	va_list args;

	va_start(args, format);
	fputs("runner: ", stderr);
	vfprintf(stderr, format, args);
	fputc('\n', stderr);
	va_end(args);
	exit(1);
}

static int kvm_ioctl(int fd, unsigned long request, void *arg, const char *name)
{
	int result = ioctl(fd, request, arg);

	if (result < 0)
		die("%s: %s", name, strerror(errno));
	return result;
}

/* The unikit notes of one PT_NOTE segment: ABI version and 64-bit entry. */
static void read_notes(const uint8_t *notes, uint64_t size, uint64_t padding,
		       uint32_t *version, uint64_t *entry)
{
	uint64_t offset = 0;

	while (size - offset >= sizeof(Elf64_Nhdr)) {
		const Elf64_Nhdr *note = (const void *)(notes + offset);
		uint64_t name = offset + sizeof *note;
		uint64_t desc = (name + note->n_namesz + padding - 1) & ~(padding - 1);

		if (desc > size || note->n_descsz > size - desc)
			die("note at segment offset %#lx exceeds its segment", (unsigned long)offset);
		if (note->n_namesz == sizeof UNIKIT_NOTE_NAME
		    && memcmp(notes + name, UNIKIT_NOTE_NAME, sizeof UNIKIT_NOTE_NAME) == 0) {
			if (note->n_type == UNIKIT_NOTE_ABI_VERSION && note->n_descsz == 4)
				memcpy(version, notes + desc, 4);
			else if (note->n_type == UNIKIT_NOTE_ENTRY64 && note->n_descsz == 8)
				memcpy(entry, notes + desc, 8);
		}
		offset = (desc + note->n_descsz + padding - 1) & ~(padding - 1);
		if (offset > size)
			offset = size;
	}
}

/* Copies the image's PT_LOAD segments into `ram` (bss stays the fresh
 * mapping's zeros); returns the entry and sets the page-aligned end. */
static uint64_t load_image(const char *path, uint8_t *ram, uint64_t *kernel_end)
{
	struct stat status;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &status) < 0)
		die("%s: %s", path, strerror(errno));
	uint64_t size = (uint64_t)status.st_size;
	if (size < sizeof(Elf64_Ehdr))
		die("%s: not an ELF file", path);
	const uint8_t *file = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (file == MAP_FAILED)
		die("%s: %s", path, strerror(errno));
	close(fd);

	const Elf64_Ehdr *header = (const void *)file;
	if (memcmp(header->e_ident, ELFMAG, SELFMAG) != 0 || header->e_ident[EI_CLASS] != ELFCLASS64
	    || header->e_machine != EM_X86_64 || header->e_phentsize != sizeof(Elf64_Phdr)
	    || header->e_phoff > size || header->e_phnum * sizeof(Elf64_Phdr) > size - header->e_phoff)
		die("%s: not an x86-64 ELF file with program headers", path);

	const Elf64_Phdr *segments = (const void *)(file + header->e_phoff);
	uint32_t version = 0;
	uint64_t entry = 0, end = 0;
	for (int i = 0; i < header->e_phnum; i++) {
		const Elf64_Phdr *segment = &segments[i];
		if (segment->p_type != PT_LOAD && segment->p_type != PT_NOTE)
			continue;
		if (segment->p_offset > size || segment->p_filesz > size - segment->p_offset)
			die("%s: phdr[%d] exceeds the file", path, i);
		if (segment->p_type == PT_NOTE) {
			read_notes(file + segment->p_offset, segment->p_filesz,
				   segment->p_align == 8 ? 8 : 4, &version, &entry);
			continue;
		}
		if (segment->p_paddr < UNIKIT_LOADER_AREA_END || segment->p_memsz > MEM_SIZE
		    || segment->p_paddr > MEM_SIZE - segment->p_memsz || segment->p_filesz > segment->p_memsz)
			die("%s: phdr[%d] does not fit in guest memory", path, i);
		memcpy(ram + segment->p_paddr, file + segment->p_offset, segment->p_filesz);
		if (segment->p_paddr + segment->p_memsz > end)
			end = segment->p_paddr + segment->p_memsz;
	}
	munmap((void *)file, size);
	if (version != UNIKIT_ABI_VERSION)
		die("%s: ABI version %u, this runner speaks %u", path, version, UNIKIT_ABI_VERSION);
	if (entry < UNIKIT_LOADER_AREA_END || entry >= end)
		die("%s: no usable UNIKIT_NOTE_ENTRY64 note", path);
	*kernel_end = (end + PAGE_SIZE_4K - 1) & ~(PAGE_SIZE_4K - 1);
	return entry;
}

static struct kvm_cpuid_entry2 cpuid_entry(uint32_t function, uint32_t eax, uint32_t ebx,
					   uint32_t ecx, uint32_t edx)
{
	return (struct kvm_cpuid_entry2){ .function = function, .eax = eax, .ebx = ebx, .ecx = ecx, .edx = edx };
}

/* Allowed feature bits, as in CPUIDTable.swift. Leaf 1 ECX: SSE3, PCLMULQDQ,
 * SSSE3, CX16, SSE4.1, SSE4.2, MOVBE, POPCNT, AES, RDRAND. Leaf 1 EDX: FPU,
 * VME, DE, PSE, TSC, MSR, PAE, CX8, SEP, PGE, CMOV, PAT, PSE36, CLFSH, MMX,
 * FXSR, SSE, SSE2. 0x80000001 ECX: LAHF/SAHF, LZCNT, PREFETCHW; EDX: SYSCALL,
 * NX, 1 GiB pages, RDTSCP, LM. */
#define LEAF1_ECX 0x42d82203U
#define LEAF1_EDX 0x078ba97fU
#define EXTENDED_ECX 0x00000121U
#define EXTENDED_EDX 0x2c100800U

/* CPUIDTable.minimal: leaves 0, 1, 0x80000000, 0x80000001, 0x80000008 from
 * the host's cpuid, features through the same allow-lists. Hardware KVM
 * refuses EFER.LME unless long mode is advertised. */
static void set_cpuid(int vcpu)
{
	struct {
		struct kvm_cpuid2 header;
		struct kvm_cpuid_entry2 entries[5];
	} table = { 0 };
	uint32_t a, b, c, d, count = 0, basic_max, extended_max;

	__cpuid(0, basic_max, b, c, d);
	table.entries[count++] = cpuid_entry(0, basic_max < 1 ? basic_max : 1, b, c, d);
	if (basic_max >= 1) {
		__cpuid(1, a, b, c, d);
		table.entries[count++] = cpuid_entry(1, a, b & 0xffff, (c & LEAF1_ECX) | 1U << 31 /* hypervisor */, d & LEAF1_EDX);
	}
	__cpuid(0x80000000, extended_max, b, c, d);
	if (extended_max >= 0x80000001) {
		table.entries[count++] = cpuid_entry(0x80000000, extended_max < 0x80000008 ? extended_max : 0x80000008, b, c, d);
		__cpuid(0x80000001, a, b, c, d);
		table.entries[count++] = cpuid_entry(0x80000001, a, 0, c & EXTENDED_ECX, d & EXTENDED_EDX);
		if (extended_max >= 0x80000008) {
			__cpuid(0x80000008, a, b, c, d);
			table.entries[count++] = cpuid_entry(0x80000008, a & 0xffff, 0, 0, 0);
		}
	}
	table.header.nent = count;
	kvm_ioctl(vcpu, KVM_SET_CPUID2, &table, "KVM_SET_CPUID2");
}

/* BootTables.write: GDT, identity page tables without page 0, boot info, command line. */
static void write_boot_tables(uint8_t *ram, uint64_t kernel_end, const char *cmdline,
			      size_t cmdline_len, uint64_t tsc_hz)
{
	static const uint64_t gdt[] = { 0, 0x00af9b000000ffffULL, 0x00cf93000000ffffULL };
	uint64_t *page_directories = (uint64_t *)(ram + PAGE_DIRECTORIES_ADDR);
	uint64_t *first_page_table = (uint64_t *)(ram + FIRST_PAGE_TABLE_ADDR);
	uint64_t *pdpt = (uint64_t *)(ram + PDPT_ADDR);
	uint64_t pages = MEM_SIZE / PAGE_SIZE_2M;

	memcpy(ram + GDT_ADDR, gdt, sizeof gdt);
	for (uint64_t page = 1; page < pages; page++)
		page_directories[page] = page * PAGE_SIZE_2M | PTE_PRESENT_WRITABLE | PTE_LARGE_PAGE;
	for (uint64_t page = 1; page < PAGE_SIZE_2M / PAGE_SIZE_4K; page++)
		first_page_table[page] = page * PAGE_SIZE_4K | PTE_PRESENT_WRITABLE;
	page_directories[0] = FIRST_PAGE_TABLE_ADDR | PTE_PRESENT_WRITABLE;
	for (uint64_t directory = 0; directory < (pages + 511) / 512; directory++)
		pdpt[directory] = (PAGE_DIRECTORIES_ADDR + directory * PAGE_SIZE_4K) | PTE_PRESENT_WRITABLE;
	*(uint64_t *)(ram + PML4_ADDR) = PDPT_ADDR | PTE_PRESENT_WRITABLE;

	memcpy(ram + CMDLINE_ADDR, cmdline, cmdline_len + 1);
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	struct unikit_boot_info info = {
		.magic = UNIKIT_BOOT_MAGIC, .version = UNIKIT_ABI_VERSION,
		.mem_size = MEM_SIZE, .kernel_end = kernel_end,
		.cmdline = CMDLINE_ADDR, .cmdline_len = cmdline_len, .tsc_hz = tsc_hz,
		.wall_clock_ns = (uint64_t)now.tv_sec * 1000000000 + (uint64_t)now.tv_nsec,
	};
	memcpy(ram + BOOT_INFO_ADDR, &info, sizeof info);
}

static struct kvm_segment flat_segment(uint16_t selector, uint8_t type, uint8_t db, uint8_t l)
{
	return (struct kvm_segment){ .base = 0, .limit = 0xffffffff, .selector = selector, .type = type,
				     .present = 1, .dpl = 0, .db = db, .s = 1, .l = l, .g = 1 };
}

/* LongModeRegisters: the fresh vCPU's sregs switched to long mode, then rip/rsp/rdi/rflags. */
static void set_long_mode(int vcpu, uint64_t entry)
{
	struct kvm_sregs sregs;
	kvm_ioctl(vcpu, KVM_GET_SREGS, &sregs, "KVM_GET_SREGS");
	sregs.cr0 = 1 << 0 | 1 << 1 | 1 << 4 | 1 << 5 | 1 << 16 | 1U << 31; /* PE MP ET NE WP PG */
	sregs.cr3 = PML4_ADDR;
	sregs.cr4 = 1 << 5 | 1 << 9 | 1 << 10; /* PAE OSFXSR OSXMMEXCPT */
	sregs.efer = 1 << 8 | 1 << 10; /* LME LMA */
	sregs.gdt = (struct kvm_dtable){ .base = GDT_ADDR, .limit = 3 * 8 - 1 };
	sregs.idt = (struct kvm_dtable){ .base = 0, .limit = 0 };
	sregs.cs = flat_segment(CODE_SELECTOR, 0xb, 0, 1);
	sregs.ds = sregs.es = sregs.fs = sregs.gs = sregs.ss = flat_segment(DATA_SELECTOR, 0x3, 1, 0);
	kvm_ioctl(vcpu, KVM_SET_SREGS, &sregs, "KVM_SET_SREGS");

	struct kvm_regs regs = { .rip = entry, .rdi = BOOT_INFO_ADDR, .rsp = BOOT_STACK_TOP, .rflags = 0x2 };
	kvm_ioctl(vcpu, KVM_SET_REGS, &regs, "KVM_SET_REGS");
}

static void write_all(const void *bytes, size_t count)
{
	while (count > 0) {
		ssize_t written = write(STDOUT_FILENO, bytes, count);
		if (written < 0 && errno == EINTR)
			continue;
		if (written < 0)
			die("console write: %s", strerror(errno));
		bytes = (const uint8_t *)bytes + written;
		count -= (size_t)written;
	}
}

/* UNIKIT_PORT_CONSOLE: one struct unikit_console_write, one write(2). */
static void console_write(const uint8_t *ram, uint32_t request_address)
{
	struct unikit_console_write request;

	if (request_address > MEM_SIZE - sizeof request)
		die("console request at %#x is outside guest memory", request_address);
	memcpy(&request, ram + request_address, sizeof request);
	uint64_t length = request.len < UNIKIT_CONSOLE_MAX_WRITE ? request.len : UNIKIT_CONSOLE_MAX_WRITE;
	if (request.data > MEM_SIZE || length > MEM_SIZE - request.data)
		die("console data at %#lx is outside guest memory", (unsigned long)request.data);
	write_all(ram + request.data, length);
	if (request.len > UNIKIT_CONSOLE_MAX_WRITE)
		die("console request of %lu bytes exceeds UNIKIT_CONSOLE_MAX_WRITE", (unsigned long)request.len);
}

/* UNIKIT_PORT_IDLE: sleep for the struct unikit_idle's timeout. */
static void idle(const uint8_t *ram, uint32_t request_address)
{
	struct unikit_idle request;

	if (request_address > MEM_SIZE - sizeof request)
		die("idle request at %#x is outside guest memory", request_address);
	memcpy(&request, ram + request_address, sizeof request);
	struct timespec duration = {
		.tv_sec = (time_t)(request.timeout_ns / 1000000000),
		.tv_nsec = (long)(request.timeout_ns % 1000000000),
	};
	nanosleep(&duration, NULL);
}

/* COM1 as Serial16550.swift shows it to a guest: bytes written to the data
 * register go to the console unless the divisor latch is selected; the line
 * status reads "transmitter empty"; other reads give 0. */
static void com1_access(const struct kvm_run *run, uint8_t *data, size_t length)
{
	static uint8_t line_control;

	if (run->io.direction == KVM_EXIT_IO_OUT) {
		if (run->io.port == COM1_BASE && !(line_control & COM1_DIVISOR_LATCH))
			write_all(data, length);
		else if (run->io.port == COM1_LINE_CONTROL)
			line_control = data[length - 1];
	} else {
		memset(data, run->io.port == COM1_LINE_STATUS ? 0x60 : 0, length);
	}
}

/* Runs the guest; returns its exit status. */
static int run_guest(int vcpu, struct kvm_run *run, uint8_t *ram)
{
	for (;;) {
		if (ioctl(vcpu, KVM_RUN, 0) < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			die("KVM_RUN: %s", strerror(errno));
		}
		if (run->exit_reason != KVM_EXIT_IO)
			die("unexpected exit reason %u", run->exit_reason);
		uint8_t *data = (uint8_t *)run + run->io.data_offset;
		size_t length = (size_t)run->io.size * run->io.count;
		uint32_t value = 0;
		memcpy(&value, data, run->io.size);
		int out = run->io.direction == KVM_EXIT_IO_OUT;
		if (out && run->io.port == UNIKIT_PORT_CONSOLE && run->io.size == 4)
			console_write(ram, value);
		else if (out && run->io.port == UNIKIT_PORT_IDLE && run->io.size == 4)
			idle(ram, value);
		else if (out && run->io.port == UNIKIT_PORT_EXIT)
			return run->io.size == 1 ? (uint8_t)value : run->io.size == 2 ? (uint16_t)value : (int)value;
		else if (run->io.port >= COM1_BASE && run->io.port < COM1_BASE + 8)
			com1_access(run, data, length);
		else
			die("unhandled %s of port %#x", out ? "write" : "read", run->io.port);
	}
}

int main(int argc, char *argv[])
{
	char cmdline[CMDLINE_CAPACITY];
	size_t cmdline_len = 0;
	uint64_t kernel_end;

	if (argc < 2)
		die("usage: runner IMAGE [guest arguments...]");
	cmdline[0] = 0;
	for (int i = 2; i < argc; i++) {
		size_t length = strlen(argv[i]);
		if (cmdline_len + length + 2 > sizeof cmdline)
			die("command line longer than %llu bytes", CMDLINE_CAPACITY - 1);
		if (cmdline_len > 0)
			cmdline[cmdline_len++] = ' ';
		memcpy(cmdline + cmdline_len, argv[i], length + 1);
		cmdline_len += length;
	}

	uint8_t *ram = mmap(NULL, MEM_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (ram == MAP_FAILED)
		die("guest memory: %s", strerror(errno));
	uint64_t entry = load_image(argv[1], ram, &kernel_end);

	int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		die("/dev/kvm: %s", strerror(errno));
	if (ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
		die("/dev/kvm: unsupported API version");
	int vm = kvm_ioctl(kvm, KVM_CREATE_VM, 0, "KVM_CREATE_VM");
	struct kvm_userspace_memory_region region = {
		.slot = 0, .guest_phys_addr = 0, .memory_size = MEM_SIZE, .userspace_addr = (uintptr_t)ram,
	};
	kvm_ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region, "KVM_SET_USER_MEMORY_REGION");
	int run_size = kvm_ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0, "KVM_GET_VCPU_MMAP_SIZE");
	int vcpu = kvm_ioctl(vm, KVM_CREATE_VCPU, 0, "KVM_CREATE_VCPU");
	struct kvm_run *run = mmap(NULL, (size_t)run_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		die("mmap(kvm_run): %s", strerror(errno));

	set_cpuid(vcpu);
	int tsc_khz = ioctl(vcpu, KVM_GET_TSC_KHZ, 0);
	write_boot_tables(ram, kernel_end, cmdline, cmdline_len, tsc_khz > 0 ? (uint64_t)tsc_khz * 1000 : 0);
	set_long_mode(vcpu, entry);
	return run_guest(vcpu, run, ram);
}
