/* Crash report printing shared by the platforms' fault handlers and panics. */
#include <ukplat/console.h>
#include <ukplat/crash.h>
#include <ukplat/exit.h>

#define BACKTRACE_MAX_FRAMES 64
/* Frames further apart than this are not one stack's. */
#define BACKTRACE_MAX_FRAME_SIZE (1UL << 20)

/* The console library's line buffer, flushed first when it is linked in. */
__attribute__((weak)) void uk_console_flush(void);

static size_t length(const char *text)
{
	size_t n = 0;

	while (text[n])
		n++;
	return n;
}

void ukplat_crash_print(const char *text)
{
	if (uk_console_flush)
		uk_console_flush();
	ukplat_console_write(text, length(text));
}

void ukplat_crash_print_hex(uint64_t value, int digits)
{
	char text[2 + 16 + 1];
	int i;

	if (digits > 16)
		digits = 16;
	text[0] = '0';
	text[1] = 'x';
	for (i = 0; i < digits; i++)
		text[2 + i] = "0123456789abcdef"[(value >> (4 * (digits - 1 - i))) & 0xf];
	text[2 + digits] = '\0';
	ukplat_crash_print(text);
}

void ukplat_crash_print_decimal(uint64_t value)
{
	char text[21];
	int i = sizeof(text) - 1;

	text[i] = '\0';
	do {
		text[--i] = (char)('0' + value % 10);
		value /= 10;
	} while (value);
	ukplat_crash_print(text + i);
}

void ukplat_crash_print_registers(const struct ukplat_crash_register *registers, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		ukplat_crash_print("  ");
		ukplat_crash_print(registers[i].name);
		ukplat_crash_print("=");
		ukplat_crash_print_hex(registers[i].value, 16);
		if (i % 4 == 3 || i + 1 == count)
			ukplat_crash_print("\n");
	}
}

static void print_frame(int depth, uintptr_t pc)
{
	ukplat_crash_print("  #");
	ukplat_crash_print_decimal((uint64_t)depth);
	ukplat_crash_print(" ");
	ukplat_crash_print_hex(pc, 16);
	ukplat_crash_print("\n");
}

/* A frame record is [previous frame pointer, return address]. Runs of the
 * same return address (recursion) print once, with their count. */
void ukplat_crash_print_backtrace(uintptr_t pc, uintptr_t frame)
{
	uintptr_t previous = pc;
	int depth, repeats = 0;

	ukplat_crash_print("backtrace (llvm-symbolizer --obj <image>.dbg names them):\n");
	print_frame(0, pc);
	for (depth = 1; depth < BACKTRACE_MAX_FRAMES; depth++) {
		const uintptr_t *record = (const uintptr_t *)frame;
		uintptr_t next;

		if (frame == 0 || frame % sizeof(uintptr_t) != 0 || record[1] == 0)
			break;
		if (record[1] == previous) {
			repeats++;
		} else {
			print_frame(depth, record[1]);
			previous = record[1];
		}
		next = record[0];
		if (next <= frame || next - frame > BACKTRACE_MAX_FRAME_SIZE)
			break;
		frame = next;
	}
	if (repeats) {
		ukplat_crash_print("  (");
		ukplat_crash_print_decimal((uint64_t)repeats);
		ukplat_crash_print(" more frames like the one above)\n");
	}
}

void ukplat_crash_exit(int status)
{
	ukplat_crash_print("image stopped with status ");
	ukplat_crash_print_decimal((uint64_t)status);
	ukplat_crash_print("\n");
	ukplat_exit(status);
}
