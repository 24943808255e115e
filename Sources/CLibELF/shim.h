/* libelf and gelf, for the loader's ELF reader. */
#include <libelf.h>
#include <gelf.h>
