import CKVM

/// The machine state of Xen's PVH boot protocol, for images booted through
/// their `XEN_ELFNOTE_PHYS32_ENTRY` (any PVH kernel; unikit images with
/// `unikit run --pvh`): 32-bit protected mode with paging off, flat segments
/// from the loader's GDT, `ebx` = guest-physical address of `struct
/// hvm_start_info` (version 1), which points to the command line and to a
/// memory map: `[0, 1 MiB)` reserved (the loader area, holding the GDT and
/// this information), `[1 MiB, mem_size)` RAM. Same addresses as the 64-bit
/// path (`GuestLayout`); no page tables.
struct PVHBoot {
    static let startInfo = GuestLayout.bootInfo
    static let memoryMap = GuestPhysicalAddress(GuestLayout.bootInfo.rawValue + 0x100)
    static let code32Selector: UInt16 = 0x18

    var memorySize: UInt64
    var commandLine: [UInt8]

    private var memoryMapEntries: [hvm_memmap_table_entry] {
        let loaderArea = GuestLayout.loaderAreaEnd.rawValue
        return [
            hvm_memmap_table_entry(addr: 0, size: loaderArea, type: UInt32(XEN_HVM_MEMMAP_TYPE_RESERVED), reserved: 0),
            hvm_memmap_table_entry(addr: loaderArea, size: memorySize - loaderArea,
                                   type: UInt32(XEN_HVM_MEMMAP_TYPE_RAM), reserved: 0),
        ]
    }

    /// Writes the GDT, the start info, its memory map and the command line.
    func write(to memory: GuestMemory) throws(LoaderError) {
        do {
            try BootTables.writeGDT(memory)
            let entries = memoryMapEntries
            for (index, entry) in entries.enumerated() {
                try memory.store(entry, at: GuestPhysicalAddress(
                    Self.memoryMap.rawValue + UInt64(index * MemoryLayout<hvm_memmap_table_entry>.stride)))
            }
            try BootTables.writeCommandLine(commandLine, to: memory)
            let info = hvm_start_info(
                magic: UInt32(XEN_HVM_START_MAGIC_VALUE), version: 1, flags: 0, nr_modules: 0, modlist_paddr: 0,
                cmdline_paddr: GuestLayout.commandLine.rawValue, rsdp_paddr: 0,
                memmap_paddr: Self.memoryMap.rawValue, memmap_entries: UInt32(entries.count), reserved: 0)
            try memory.store(info, at: Self.startInfo)
        } catch {
            throw LoaderError("boot tables", "\(error)")
        }
    }

    /// `sregs` (as read from the fresh vCPU, so TR and LDTR keep KVM's valid
    /// reset values) in flat 32-bit protected mode, paging off.
    static func special(from reset: kvm_sregs) -> kvm_sregs {
        var sregs = LongModeRegisters.flat(
            reset, code: LongModeRegisters.segment(selector: code32Selector, type: 0xb, db: 1, long: 0))
        sregs.cr0 = 1 << 0 /* PE */ | 1 << 4 /* ET */
        sregs.cr3 = 0
        sregs.cr4 = 0
        sregs.efer = 0
        return sregs
    }

    /// All zero but `rip`, `rbx` (the start info) and `rflags` (bit 1 is reserved-one).
    static func general(entry: GuestPhysicalAddress) -> kvm_regs {
        var regs = kvm_regs()
        regs.rip = entry.rawValue
        regs.rbx = startInfo.rawValue
        regs.rflags = 0x2
        return regs
    }
}
