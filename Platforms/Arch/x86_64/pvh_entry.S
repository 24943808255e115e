/*
 * The PVH entry (Xen's XEN_ELFNOTE_PHYS32_ENTRY), used by QEMU, Firecracker,
 * Cloud Hypervisor and Xen. The CPU arrives in 32-bit protected mode with
 * paging off, flat segments, interrupts off, and %ebx pointing to struct
 * hvm_start_info. We identity-map the first 1 GiB with 2 MiB pages, enable
 * long mode and continue in C on the boot stack.
 *
 * Code here runs before long mode, which this machine's KVM emulates at
 * about 0.5 us per instruction: keep it short.
 */
#define XEN_ELFNOTE_PHYS32_ENTRY 18

#define CR0_PE     (1 << 0)
#define CR0_PG     (1 << 31)
#define CR4_PAE    (1 << 5)
#define MSR_EFER   0xc0000080
#define EFER_LME   (1 << 8)
#define PTE_PRESENT_WRITABLE 0x3
#define PTE_LARGE_PAGE       0x80

#define GDT_CODE64 0x08
#define GDT_DATA   0x10

	.section .text.boot, "ax"
	.code32
	.globl x86_64_pvh_entry
x86_64_pvh_entry:
	cld
	movl %ebx, %esi                 /* kept until C gets it in %rdi */

	/* PML4[0] -> PDPT, PDPT[0] -> PD; the tables are in zeroed .bss. */
	movl $pvh_pdpt + PTE_PRESENT_WRITABLE, pvh_pml4
	movl $pvh_pd + PTE_PRESENT_WRITABLE, pvh_pdpt

	/* PD[i] maps 2 MiB at i * 2 MiB. */
	xorl %ecx, %ecx
	movl $PTE_PRESENT_WRITABLE + PTE_LARGE_PAGE, %eax
1:	movl %eax, pvh_pd(, %ecx, 8)
	addl $0x200000, %eax
	incl %ecx
	cmpl $512, %ecx
	jne 1b

	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl $pvh_pml4, %eax
	movl %eax, %cr3
	movl $MSR_EFER, %ecx
	rdmsr
	orl $EFER_LME, %eax
	wrmsr
	movl %cr0, %eax
	orl $(CR0_PG | CR0_PE), %eax
	movl %eax, %cr0

	lgdt pvh_gdt_descriptor
	ljmp $GDT_CODE64, $pvh_entry64

	.code64
pvh_entry64:
	movl $GDT_DATA, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %eax, %fs
	movl %eax, %gs
	movl %esi, %edi                 /* zero-extends the start info address */
	movq $x86_64_boot_stack_top, %rsp
	xorl %ebp, %ebp
	call ukplat_start_pvh
1:	cli
	hlt
	jmp 1b

	.section .rodata.boot, "a"
	.p2align 3
pvh_gdt:
	.quad 0                         /* null */
	.quad 0x00af9a000000ffff        /* GDT_CODE64: 64-bit code, ring 0 */
	.quad 0x00cf92000000ffff        /* GDT_DATA: flat data, ring 0 */
pvh_gdt_descriptor:
	.word pvh_gdt_descriptor - pvh_gdt - 1
	.long pvh_gdt

	.section .bss.boot_page_tables, "aw", @nobits
	.p2align 12
pvh_pml4:
	.skip 4096
pvh_pdpt:
	.skip 4096
pvh_pd:
	.skip 4096

/* The PVH note: the 32-bit entry's physical address. */
	.section .note.pvh, "a", @note
	.p2align 2
	.long 2f - 1f
	.long 4
	.long XEN_ELFNOTE_PHYS32_ENTRY
1:	.asciz "Xen"
2:	.p2align 2
	.long x86_64_pvh_entry
	.p2align 2

	.section .note.GNU-stack, "", @progbits
