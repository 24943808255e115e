import CKVM

/// Parses PT_NOTE segments and keeps the `unikit` notes (see `loader_abi.h`):
/// `UNIKIT_NOTE_ABI_VERSION` and `UNIKIT_NOTE_ENTRY64`, and Xen's PVH entry
/// (`XEN_ELFNOTE_PHYS32_ENTRY`). Other owners (GNU notes) and unknown types
/// are skipped, but every note's sizes are checked against its segment.
struct UnikitNotes {
    static let owner = Array(UNIKIT_NOTE_NAME.utf8) + [0]
    static let xenOwner = Array("Xen".utf8) + [0]
    static let headerSize: UInt64 = 12

    let name: String
    private(set) var abiVersion: UInt32?
    private(set) var entry: UInt64?
    private(set) var pvhEntry: UInt64?

    init(name: String) { self.name = name }

    /// Walks the notes in file bytes `range` of header `index`. Name and
    /// descriptor are padded to 4 bytes, or to 8 when `p_align` is 8 (the
    /// GNU convention for 8-byte notes).
    mutating func parse(_ bytes: UnsafeRawBufferPointer, range: Range<Int>,
                        alignment: UInt64, index: Int) throws(LoaderError) {
        let segment = UnsafeRawBufferPointer(rebasing: bytes[range])
        let size = UInt64(segment.count)
        let padding: UInt64 = alignment == 8 ? 8 : 4
        let name = self.name
        var offset: UInt64 = 0
        while offset < size {
            let fail = { (reason: String) in
                LoaderError(name, field: "phdr[\(index)]",
                            "note at file offset \(hex(UInt64(range.lowerBound) + offset)): \(reason)")
            }
            guard size - offset >= Self.headerSize else {
                throw fail("truncated header (\(size - offset) bytes left, need \(Self.headerSize))")
            }
            let nameSize = UInt64(segment.loadUnaligned(fromByteOffset: Int(offset), as: UInt32.self))
            let descSize = UInt64(segment.loadUnaligned(fromByteOffset: Int(offset) + 4, as: UInt32.self))
            let type = segment.loadUnaligned(fromByteOffset: Int(offset) + 8, as: UInt32.self)
            // Each term is below 2^32 and `offset` below the file size: no UInt64 overflow.
            let nameStart = offset + Self.headerSize
            guard nameSize <= size - nameStart else {
                throw fail("n_namesz \(hex(nameSize)) exceeds the segment")
            }
            let descStart = Self.align(nameStart + nameSize, padding)
            guard descStart <= size, descSize <= size - descStart else {
                throw fail("n_descsz \(hex(descSize)) exceeds the segment")
            }
            let nameBytes = UnsafeRawBufferPointer(rebasing: segment[Int(nameStart)..<Int(nameStart + nameSize)])
            let desc = UnsafeRawBufferPointer(rebasing: segment[Int(descStart)..<Int(descStart + descSize)])
            if nameBytes.elementsEqual(Self.owner) {
                try record(type: type, desc: desc, fail)
            } else if nameBytes.elementsEqual(Self.xenOwner) && type == UInt32(CKVM_XEN_ELFNOTE_PHYS32_ENTRY) {
                try recordPVHEntry(desc, fail)
            }
            // The last note's trailing padding may be cut off by the segment's end.
            offset = min(Self.align(descStart + descSize, padding), size)
        }
    }

    private mutating func record(type: UInt32, desc: UnsafeRawBufferPointer,
                                 _ fail: (String) -> LoaderError) throws(LoaderError) {
        switch type {
        case UInt32(UNIKIT_NOTE_ABI_VERSION):
            guard abiVersion == nil else { throw fail("second UNIKIT_NOTE_ABI_VERSION note") }
            guard desc.count == 4 else { throw fail("UNIKIT_NOTE_ABI_VERSION has n_descsz \(desc.count), expected 4") }
            abiVersion = desc.loadUnaligned(as: UInt32.self)
        case UInt32(UNIKIT_NOTE_ENTRY64):
            guard entry == nil else { throw fail("second UNIKIT_NOTE_ENTRY64 note") }
            guard desc.count == 8 else { throw fail("UNIKIT_NOTE_ENTRY64 has n_descsz \(desc.count), expected 8") }
            entry = desc.loadUnaligned(as: UInt64.self)
        default:
            break // a newer loader's note; the ABI lets old loaders ignore it
        }
    }

    /// Xen's PVH entry: a 32-bit physical address (4 bytes; 8 from some
    /// linkers, whose upper half must then be 0).
    private mutating func recordPVHEntry(_ desc: UnsafeRawBufferPointer,
                                         _ fail: (String) -> LoaderError) throws(LoaderError) {
        guard pvhEntry == nil else { throw fail("second XEN_ELFNOTE_PHYS32_ENTRY note") }
        switch desc.count {
        case 4: pvhEntry = UInt64(desc.loadUnaligned(as: UInt32.self))
        case 8: pvhEntry = desc.loadUnaligned(as: UInt64.self)
        default: throw fail("XEN_ELFNOTE_PHYS32_ENTRY has n_descsz \(desc.count), expected 4 or 8")
        }
    }

    /// Whether the image speaks unikit's ABI at all (else it can only boot
    /// through a PVH entry).
    var hasUnikitNotes: Bool { abiVersion != nil || entry != nil }

    /// The image was built against this loader's `UNIKIT_ABI_VERSION`.
    func checkVersion() throws(LoaderError) {
        let field = "note UNIKIT_NOTE_ABI_VERSION"
        guard let abiVersion else {
            throw LoaderError(name, field: field, "missing (PT_NOTE owner \"unikit\", type \(UNIKIT_NOTE_ABI_VERSION))")
        }
        guard abiVersion == UNIKIT_ABI_VERSION else {
            throw LoaderError(name, field: field,
                              "image ABI version \(abiVersion), this loader speaks version \(UNIKIT_ABI_VERSION)")
        }
    }

    /// The 64-bit entry lies inside an executable PT_LOAD segment.
    func checkEntry(in loads: [GuestImage.Segment]) throws(LoaderError) -> GuestPhysicalAddress {
        let field = "note UNIKIT_NOTE_ENTRY64"
        guard let entry else {
            throw LoaderError(name, field: field, "missing (PT_NOTE owner \"unikit\", type \(UNIKIT_NOTE_ENTRY64))")
        }
        return try Self.checkExecutable(entry, in: loads, LoaderError(name, field: field, "entry \(hex(entry)) is not inside an executable PT_LOAD segment"))
    }

    /// The PVH entry, if any, lies inside an executable PT_LOAD segment below 4 GiB.
    func checkPVHEntry(in loads: [GuestImage.Segment]) throws(LoaderError) -> GuestPhysicalAddress? {
        guard let pvhEntry else { return nil }
        let fail = LoaderError(name, field: "note XEN_ELFNOTE_PHYS32_ENTRY",
                               "entry \(hex(pvhEntry)) is not inside an executable PT_LOAD segment below 4 GiB")
        guard pvhEntry <= UInt64(UInt32.max) else { throw fail }
        return try Self.checkExecutable(pvhEntry, in: loads, fail)
    }

    private static func checkExecutable(_ address: UInt64, in loads: [GuestImage.Segment],
                                        _ failure: LoaderError) throws(LoaderError) -> GuestPhysicalAddress {
        guard loads.contains(where: { $0.executable && $0.address.rawValue <= address && address < $0.end }) else {
            throw failure
        }
        return GuestPhysicalAddress(address)
    }

    private static func align(_ value: UInt64, _ alignment: UInt64) -> UInt64 {
        (value + alignment - 1) & ~(alignment - 1)
    }
}
