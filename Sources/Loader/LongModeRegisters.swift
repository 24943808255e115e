import CKVM

/// The vCPU state at the 64-bit entry, as `loader_abi.h` promises it: long
/// mode with paging on the identity tables, flat segments from the GDT,
/// interrupts off, no IDT, `rdi` = boot info, `rsp` = top of the boot stack.
enum LongModeRegisters {
    static let cr0: UInt64 = 1 << 0 /* PE */ | 1 << 1 /* MP */ | 1 << 4 /* ET */
        | 1 << 5 /* NE */ | 1 << 16 /* WP */ | 1 << 31 /* PG */
    /// PAE for long mode; OSFXSR and OSXMMEXCPT so FXSAVE works and an SSE
    /// instruction does not fault on hardware KVM (guests should still avoid
    /// SSE: the PVM instruction emulator lacks it).
    static let cr4: UInt64 = 1 << 5 /* PAE */ | 1 << 9 /* OSFXSR */ | 1 << 10 /* OSXMMEXCPT */
    static let efer: UInt64 = 1 << 8 /* LME */ | 1 << 10 /* LMA */

    /// `sregs` (as read from the fresh vCPU, so TR and LDTR keep KVM's valid
    /// reset values) switched to long mode.
    static func special(from reset: kvm_sregs) -> kvm_sregs {
        var sregs = flat(reset, code: segment(selector: BootTables.codeSelector, type: 0xb, db: 0, long: 1))
        sregs.cr0 = cr0
        sregs.cr3 = GuestLayout.pml4.rawValue
        sregs.cr4 = cr4
        sregs.efer = efer
        return sregs
    }

    /// `sregs` on the loader's GDT with `code` in CS, the flat data segment
    /// in the others, and no IDT: what both boot paths start from.
    static func flat(_ sregs: kvm_sregs, code: kvm_segment) -> kvm_sregs {
        var sregs = sregs
        sregs.gdt = kvm_dtable(base: GuestLayout.gdt.rawValue, limit: BootTables.gdtLimit,
                               padding: (0, 0, 0))
        sregs.idt = kvm_dtable(base: 0, limit: 0, padding: (0, 0, 0))
        sregs.cs = code
        let data = segment(selector: BootTables.dataSelector, type: 0x3, db: 1, long: 0)
        sregs.ds = data
        sregs.es = data
        sregs.fs = data
        sregs.gs = data
        sregs.ss = data
        return sregs
    }

    /// General registers: all zero but `rip`, `rsp`, `rdi` and `rflags` (bit 1 is reserved-one).
    static func general(entry: GuestPhysicalAddress) -> kvm_regs {
        var regs = kvm_regs()
        regs.rip = entry.rawValue
        regs.rdi = GuestLayout.bootInfo.rawValue
        regs.rsp = GuestLayout.bootStackTop.rawValue
        regs.rflags = 0x2
        return regs
    }

    /// A flat, present, ring-0 segment matching its GDT entry.
    static func segment(selector: UInt16, type: UInt8, db: UInt8, long: UInt8) -> kvm_segment {
        kvm_segment(base: 0, limit: 0xffff_ffff, selector: selector, type: type,
                    present: 1, dpl: 0, db: db, s: 1, l: long, g: 1, avl: 0,
                    unusable: 0, padding: 0)
    }
}
