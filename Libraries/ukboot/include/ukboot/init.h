/*
 * Init and term functions. A library registers a function in a class; the
 * boot library runs init functions class by class (lowest first, order
 * within a class unspecified) before main, and term functions after main,
 * in the same class order. No central list names the libraries: the linker
 * collects the registrations (ukplat/sections.ld).
 */
#ifndef UKBOOT_INIT_H
#define UKBOOT_INIT_H

/* Init classes, in the order they run. */
#define UK_INIT_CLASS_EARLY  1 /* memory allocators */
#define UK_INIT_CLASS_DEVICE 3 /* device drivers: what they find is there for libraries */
#define UK_INIT_CLASS_LIB    5 /* ordinary libraries */

/* Term classes, in the order they run. */
#define UK_TERM_CLASS_LIB   1 /* ordinary libraries */
#define UK_TERM_CLASS_LATE  9 /* the console flushes last */

/* An init function returns 0, or a negative error that stops the boot. */
typedef int (*uk_init_func_t)(void);
typedef void (*uk_term_func_t)(void);

#define UK_REGISTER_(table, kind, fn, class)                                   \
	static const kind __##table##_##fn                                     \
		__attribute__((used, section("." #table "." #class))) = (fn)

/* Registers `fn` (an uk_init_func_t) in init class `class`. */
#define UK_INIT(fn, class) UK_REGISTER_(uk_inittab, uk_init_func_t, fn, class)

/* Registers `fn` (an uk_term_func_t) in term class `class`. */
#define UK_TERM(fn, class) UK_REGISTER_(uk_termtab, uk_term_func_t, fn, class)

#endif
