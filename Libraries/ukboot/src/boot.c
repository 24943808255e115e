/* The boot sequence every platform hands over to (ukplat/boot.h). */
#include <ukboot/exit.h>
#include <ukboot/init.h>
#include <ukplat/boot.h>
#include <ukplat/exit.h>

/* Status of an image whose init function failed: a distinct value a host
 * can tell from the application's own. */
#define UKBOOT_INIT_FAILED 126

/* The tables, sorted by class by the linker script. */
extern const uk_init_func_t __uk_inittab_start[], __uk_inittab_end[];
extern const uk_term_func_t __uk_termtab_start[], __uk_termtab_end[];

/* The application's entry point. */
int main(int argc, char *argv[]);

static int run_init_functions(void)
{
	for (const uk_init_func_t *fn = __uk_inittab_start; fn < __uk_inittab_end; fn++) {
		int err = (*fn)();

		if (err < 0)
			return err;
	}
	return 0;
}

void ukboot_exit(int status)
{
	for (const uk_term_func_t *fn = __uk_termtab_start; fn < __uk_termtab_end; fn++)
		(*fn)();
	ukplat_exit(status);
}

void ukplat_entry(int argc, char *argv[])
{
	if (run_init_functions() < 0)
		ukboot_exit(UKBOOT_INIT_FAILED);
	ukboot_exit(main(argc, argv));
}
