/*
 * Device interrupts, on platforms that route them (HAVE_IRQ; the code is in
 * the image when UKPLAT_IRQ is selected).
 *
 * Images run with interrupts off. They are taken only while the CPU idles
 * in ukplat_idle_until, which then returns once a handler has run: so a
 * handler never runs in the middle of other code, and a caller that checks
 * for news and then idles cannot miss an interrupt that comes in between
 * (it stays pending until the idle lets it in). Handlers run on their own
 * stack; they acknowledge their device and note what happened, and the
 * code that idled does the work.
 */
#ifndef UKPLAT_IRQ_H
#define UKPLAT_IRQ_H

typedef void (*ukplat_irq_handler_t)(void *arg);

/* Handlers one line can have (level-triggered lines are shared). */
#define UKPLAT_IRQ_HANDLERS_PER_LINE 4

/* Calls `handler(arg)` whenever line `irq` (an IOAPIC pin on x86, as
 * virtio_mmio.device= names it) interrupts: level-triggered, active high.
 * 0; -EINVAL for a line that does not exist; -ENOSPC when the line has
 * UKPLAT_IRQ_HANDLERS_PER_LINE handlers already; -ENODEV when the
 * interrupt controllers cannot be used. */
int ukplat_irq_register(unsigned int irq, ukplat_irq_handler_t handler, void *arg);

#endif
