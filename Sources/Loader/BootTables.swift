import CKVM
import Glibc

/// Writes what the loader leaves in the loader area before the first
/// `KVM_RUN`: the GDT, the identity page tables, the boot info and the
/// command line (see `GuestLayout`). RAM must be fresh (all zero).
struct BootTables {
    /// GDT selectors of the flat segments.
    static let codeSelector: UInt16 = 0x08
    static let dataSelector: UInt16 = 0x10
    /// null; 64-bit code (P, S, type 0xb execute/read/accessed, L, G);
    /// data (P, S, type 0x3 read/write/accessed, D/B, G); 32-bit code for
    /// the PVH entry (as 64-bit code, but D/B instead of L). Limits 0xfffff pages.
    static let gdtEntries: [UInt64] = [0, 0x00af_9b00_0000_ffff, 0x00cf_9300_0000_ffff, 0x00cf_9b00_0000_ffff]
    static var gdtLimit: UInt16 { UInt16(gdtEntries.count * 8 - 1) }

    private static let present: UInt64 = 1 << 0
    private static let writable: UInt64 = 1 << 1
    private static let largePage: UInt64 = 1 << 7

    var memorySize: UInt64
    var kernelEnd: GuestPhysicalAddress
    var commandLine: [UInt8]
    var tscHz: UInt64

    /// Writes everything. The layout fits by construction (`GuestLayout`
    /// limits RAM and command line), so a failed store is a loader bug,
    /// reported as a `LoaderError` rather than a crash.
    func write(to memory: GuestMemory) throws(LoaderError) {
        do {
            try Self.writeGDT(memory)
            try writePageTables(memory)
            try writeBootInfo(memory)
        } catch {
            throw LoaderError("boot tables", "\(error)")
        }
    }

    static func writeGDT(_ memory: GuestMemory) throws(GuestMemoryError) {
        for (index, entry) in Self.gdtEntries.enumerated() {
            try memory.store(entry, at: GuestLayout.gdt.rawValue.advanced(index * 8))
        }
    }

    /// Identity-maps `[0, memorySize)`: one PML4 entry, one PDPT entry per GiB,
    /// one page-directory entry per 2 MiB page, except the first 2 MiB, which
    /// a page table maps in 4 KiB pages without page 0, so that guest null
    /// pointers fault (and the guest can punch more holes without splitting
    /// a page itself, which costs it ~2 ms of emulated code on PVM). The page
    /// directories are contiguous, so page `n`'s entry is at `n * 8`.
    private func writePageTables(_ memory: GuestMemory) throws(GuestMemoryError) {
        let pages = memorySize / GuestLayout.largePageSize
        for page in 1..<pages {
            let entry = page * GuestLayout.largePageSize | Self.present | Self.writable | Self.largePage
            try memory.store(entry, at: GuestLayout.pageDirectories.rawValue.advanced(Int(page) * 8))
        }
        let smallPages = GuestLayout.largePageSize / GuestLayout.pageSize
        for page in 1..<smallPages {
            try memory.store(page * GuestLayout.pageSize | Self.present | Self.writable,
                             at: GuestLayout.firstPageTable.rawValue.advanced(Int(page) * 8))
        }
        try memory.store(GuestLayout.firstPageTable.rawValue | Self.present | Self.writable,
                         at: GuestLayout.pageDirectories)
        let directories = (pages + 511) / 512
        for directory in 0..<directories {
            let table = GuestLayout.pageDirectories.rawValue + directory * 0x1000
            try memory.store(table | Self.present | Self.writable,
                             at: GuestLayout.pdpt.rawValue.advanced(Int(directory) * 8))
        }
        try memory.store(GuestLayout.pdpt.rawValue | Self.present | Self.writable, at: GuestLayout.pml4)
    }

    /// The command line and its NUL at `GuestLayout.commandLine`.
    static func writeCommandLine(_ commandLine: [UInt8], to memory: GuestMemory) throws(GuestMemoryError) {
        try commandLine.withUnsafeBytes { bytes in
            Result { () throws(GuestMemoryError) in try memory.copy(bytes, to: GuestLayout.commandLine) }
        }.get()
        try memory.store(UInt8(0), at: GuestLayout.commandLine.rawValue.advanced(commandLine.count))
    }

    private func writeBootInfo(_ memory: GuestMemory) throws(GuestMemoryError) {
        try Self.writeCommandLine(commandLine, to: memory)
        let info = unikit_boot_info(
            magic: UNIKIT_BOOT_MAGIC, version: UInt32(UNIKIT_ABI_VERSION),
            mem_size: memorySize, kernel_end: kernelEnd.rawValue,
            cmdline: GuestLayout.commandLine.rawValue, cmdline_len: UInt64(commandLine.count),
            tsc_hz: tscHz, wall_clock_ns: Self.wallClockNanoseconds())
        try memory.store(info, at: GuestLayout.bootInfo)
    }
}

extension BootTables {
    /// The host's time of day, which the guest's wall clock starts from.
    static func wallClockNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}

private extension UInt64 {
    /// `self + offset` as a guest address; offsets here are small layout constants.
    func advanced(_ offset: Int) -> GuestPhysicalAddress {
        GuestPhysicalAddress(self + UInt64(offset))
    }
}
