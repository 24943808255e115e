/// A validated image: which file bytes go where in guest RAM, and where the
/// vCPU starts. Built only by `GuestImage.validate`, so every range in it is
/// inside the file and inside `[UNIKIT_LOADER_AREA_END, memory size)`.
struct GuestImage: Equatable {
    struct Segment: Equatable {
        /// Index in the program header table, for messages.
        var index: Int
        var fileOffset: UInt64
        var fileSize: UInt64
        var address: GuestPhysicalAddress
        var memorySize: UInt64
        var executable: Bool

        var end: UInt64 { address.rawValue + memorySize }
        var range: String { hexRange(address.rawValue, end) }
    }

    /// The non-empty PT_LOAD segments, in program header order.
    var segments: [Segment]
    /// `UNIKIT_NOTE_ENTRY64`; nil for an image with only a PVH entry.
    var entry: GuestPhysicalAddress?
    /// Xen's `XEN_ELFNOTE_PHYS32_ENTRY`, if the image has one.
    var pvhEntry: GuestPhysicalAddress?
    /// First page-aligned address after every segment (`kernel_end`).
    var end: GuestPhysicalAddress

    /// Checks `bytes` (the whole file, named `name` in errors) for booting in
    /// `memorySize` bytes of RAM. Needs no KVM.
    static func validate(_ bytes: UnsafeRawBufferPointer, name: String,
                         memorySize: UInt64) throws(LoaderError) -> GuestImage {
        let headers = try ElfHeaders(bytes, name: name)
        var segments = ElfSegments(name: name, fileSize: UInt64(bytes.count), memorySize: memorySize)
        var notes = UnikitNotes(name: name)
        for (index, header) in headers.programHeaders.enumerated() {
            if let noteRange = try segments.check(header, index: index) {
                try notes.parse(bytes, range: noteRange, alignment: header.p_align, index: index)
            }
        }
        let loads = try segments.checkedLoads()
        let pvhEntry = try notes.checkPVHEntry(in: loads)
        var entry: GuestPhysicalAddress?
        // Without unikit's notes, an image boots only through its PVH entry.
        if notes.hasUnikitNotes || pvhEntry == nil {
            try notes.checkVersion()
            entry = try notes.checkEntry(in: loads)
        }
        let highest = loads.map(\.end).max()!
        let pageEnd = (highest + 0xfff) & ~0xfff
        return GuestImage(segments: loads, entry: entry, pvhEntry: pvhEntry, end: GuestPhysicalAddress(pageEnd))
    }

    /// Copies each segment's file bytes into `memory`. The rest of each
    /// segment (bss) is already zero: RAM is a fresh anonymous mapping and
    /// segments never overlap, so the loader leaves those pages untouched
    /// and a large bss costs no host memory until the guest uses it.
    func load(from bytes: UnsafeRawBufferPointer, into memory: GuestMemory) throws(LoaderError) {
        for segment in segments where segment.fileSize > 0 {
            let start = Int(segment.fileOffset)
            let source = UnsafeRawBufferPointer(rebasing: bytes[start..<start + Int(segment.fileSize)])
            do {
                try memory.copy(source, to: segment.address)
            } catch {
                throw LoaderError("image", field: "phdr[\(segment.index)]", "\(error)")
            }
        }
    }
}
