import CLibELF

/// Checks program headers one by one (`check`), then the PT_LOAD segments
/// together (`checkedLoads`). Errors name the header: `phdr[2]: …`.
struct ElfSegments {
    let name: String
    let fileSize: UInt64
    let memorySize: UInt64
    private(set) var loads: [GuestImage.Segment] = []

    init(name: String, fileSize: UInt64, memorySize: UInt64) {
        self.name = name
        self.fileSize = fileSize
        self.memorySize = memorySize
    }

    /// Checks header `index`. Returns the file range of a PT_NOTE segment,
    /// for the caller to parse; records a non-empty PT_LOAD; ignores other types.
    mutating func check(_ header: Elf64_Phdr, index: Int) throws(LoaderError) -> Range<Int>? {
        let name = self.name
        let fail = { (reason: String) in LoaderError(name, field: "phdr[\(index)]", reason) }
        switch header.p_type {
        case UInt32(PT_LOAD):
            let fileRange = try checkFileRange(header, fail)
            try checkPlacement(header, fail)
            // An empty segment loads nothing, wherever it claims to be: keeping
            // it would let its address set the image's end (`kernel_end`).
            guard header.p_memsz > 0 else { return nil }
            loads.append(GuestImage.Segment(
                index: index, fileOffset: UInt64(fileRange.lowerBound), fileSize: header.p_filesz,
                address: GuestPhysicalAddress(header.p_paddr), memorySize: header.p_memsz,
                executable: header.p_flags & UInt32(PF_X) != 0))
            return nil
        case UInt32(PT_NOTE):
            return try checkFileRange(header, fail)
        case UInt32(PT_INTERP):
            throw fail("PT_INTERP: the image must be statically linked")
        case UInt32(PT_DYNAMIC):
            throw fail("PT_DYNAMIC: the image must be statically linked")
        default:
            return nil
        }
    }

    /// `[p_offset, p_offset + p_filesz)` lies inside the file.
    private func checkFileRange(_ header: Elf64_Phdr, _ fail: (String) -> LoaderError) throws(LoaderError) -> Range<Int> {
        let (end, overflow) = header.p_offset.addingReportingOverflow(header.p_filesz)
        guard !overflow else {
            throw fail("p_offset \(hex(header.p_offset)) + p_filesz \(hex(header.p_filesz)) overflows")
        }
        guard end <= fileSize else {
            throw fail("file range \(hexRange(header.p_offset, end)) exceeds the file size (\(hex(fileSize)))")
        }
        return Int(header.p_offset)..<Int(end)
    }

    /// A PT_LOAD's memory image fits in `[UNIKIT_LOADER_AREA_END, memorySize)`.
    private func checkPlacement(_ header: Elf64_Phdr, _ fail: (String) -> LoaderError) throws(LoaderError) {
        guard header.p_filesz <= header.p_memsz else {
            throw fail("p_filesz \(hex(header.p_filesz)) exceeds p_memsz \(hex(header.p_memsz))")
        }
        guard header.p_vaddr == header.p_paddr else {
            throw fail("p_vaddr \(hex(header.p_vaddr)) differs from p_paddr \(hex(header.p_paddr)) (the loader identity-maps RAM)")
        }
        guard header.p_memsz > 0 else { return }
        let (end, overflow) = header.p_paddr.addingReportingOverflow(header.p_memsz)
        guard !overflow else {
            throw fail("p_paddr \(hex(header.p_paddr)) + p_memsz \(hex(header.p_memsz)) overflows")
        }
        let range = hexRange(header.p_paddr, end)
        guard header.p_paddr >= GuestLayout.loaderAreaEnd.rawValue else {
            throw fail("segment \(range) starts below \(GuestLayout.loaderAreaEnd), in the loader area")
        }
        guard end <= memorySize else {
            throw fail("segment \(range) exceeds guest memory (\(byteSize(memorySize)))")
        }
    }

    /// At least one non-empty PT_LOAD, and no two that overlap in guest memory.
    func checkedLoads() throws(LoaderError) -> [GuestImage.Segment] {
        guard !loads.isEmpty else {
            throw LoaderError(name, field: "program headers", "no PT_LOAD segment with p_memsz > 0")
        }
        // Sorted by address, any overlap shows between neighbours.
        let placed = loads.sorted { $0.address < $1.address }
        for (lower, upper) in zip(placed, placed.dropFirst()) where upper.address.rawValue < lower.end {
            let (first, second) = lower.index < upper.index ? (lower, upper) : (upper, lower)
            throw LoaderError(name, field: "phdr[\(second.index)]",
                              "segment \(second.range) overlaps phdr[\(first.index)] \(first.range)")
        }
        return loads
    }
}
