/* See x86_64/setup.h: prepare everything, then one burst of privileged work. */
#include <x86_64/paging.h>
#include <x86_64/setup.h>
#include <x86_64/traps.h>

void x86_64_setup(uintptr_t *free)
{
	x86_64_traps_prepare();
	x86_64_paging_prepare(free);
	x86_64_traps_load();
	x86_64_paging_apply();
}
