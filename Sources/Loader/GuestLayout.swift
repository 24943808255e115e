import CKVM

/// The guest-physical memory map when the loader boots an image: everything
/// the loader places in the loader area `[0, UNIKIT_LOADER_AREA_END)`, and
/// the limits on RAM size that follow from it.
///
///     0x0000_0000  not mapped: guest null pointers fault
///     0x0000_1000  GDT: null, 64-bit code (0x08), data (0x10), 32-bit code (0x18)
///     0x0000_2000  struct unikit_boot_info            (rdi at entry)
///                  or, on the PVH path, struct hvm_start_info (ebx) and
///                  its memory map at 0x2100 (`PVHBoot`)
///     0x0000_3000  command line, NUL-terminated, <= 4 KiB
///     0x0000_4000  boot stack, 16 KiB, grows down from 0x8000 (rsp at entry)
///     0x0000_8000  PML4
///     0x0000_9000  PDPT
///     0x0000_a000  page directories, one per GiB of RAM, 2 MiB pages
///     0x0004_a000  page table of the first 2 MiB, 4 KiB pages (page 0 left out)
///     0x0004_b000  unused up to UNIKIT_LOADER_AREA_END (0x10_0000)
///     0x0010_0000  the image's PT_LOAD segments, then free RAM up to mem_size
enum GuestLayout {
    static let gdt = GuestPhysicalAddress(0x1000)
    static let bootInfo = GuestPhysicalAddress(0x2000)
    static let commandLine = GuestPhysicalAddress(0x3000)
    /// Bytes available for the command line, including its NUL.
    static let commandLineCapacity: UInt64 = 0x1000
    static let bootStackTop = GuestPhysicalAddress(0x8000)
    static let pml4 = GuestPhysicalAddress(0x8000)
    static let pdpt = GuestPhysicalAddress(0x9000)
    static let pageDirectories = GuestPhysicalAddress(0xa000)
    static let firstPageTable = GuestPhysicalAddress(0x4a000)
    static let pageSize: UInt64 = 0x1000
    /// Page directories that fit before the end of their region (0x4a000).
    static let maxPageDirectories: UInt64 = 64

    /// Where images may be loaded from.
    static let loaderAreaEnd = GuestPhysicalAddress(UNIKIT_LOADER_AREA_END)

    static let largePageSize: UInt64 = 2 << 20
    static let gibibyte: UInt64 = 1 << 30
    /// The smallest RAM that holds the loader area and one 2 MiB page of image.
    static let minMemorySize: UInt64 = 2 * largePageSize
    static let maxMemorySize: UInt64 = maxPageDirectories * gibibyte

    /// Checks a requested RAM size: whole 2 MiB pages (the identity map must
    /// not map anything past RAM), between `minMemorySize` and `maxMemorySize`.
    static func validatedMemorySize(_ requested: Int) throws(LoaderError) -> UInt64 {
        func fail(_ reason: String) -> LoaderError {
            LoaderError("options", field: "memory size", reason)
        }
        guard requested >= Int(minMemorySize) else {
            throw fail("\(requested) bytes is below the minimum of \(byteSize(minMemorySize))")
        }
        let size = UInt64(requested)
        guard size <= maxMemorySize else {
            throw fail("\(byteSize(size)) exceeds the maximum of \(byteSize(maxMemorySize))")
        }
        guard size % largePageSize == 0 else {
            throw fail("\(size) bytes is not a multiple of 2 MiB")
        }
        return size
    }

    /// Checks the guest command line: no NUL inside, fits with its NUL.
    static func validatedCommandLine(_ commandLine: String) throws(LoaderError) -> [UInt8] {
        let bytes = Array(commandLine.utf8)
        guard !bytes.contains(0) else {
            throw LoaderError("options", field: "command line", "contains a NUL byte")
        }
        guard UInt64(bytes.count) < commandLineCapacity else {
            throw LoaderError("options", field: "command line",
                              "\(bytes.count) bytes exceeds the limit of \(commandLineCapacity - 1)")
        }
        return bytes
    }
}
