import CLibELF

/// The ELF header and program header table of an image, read through libelf
/// once every field the loader or libelf relies on has been checked. Errors
/// name the field: `e_machine: 183, expected 62 (EM_X86_64)`.
struct ElfHeaders {
    static let headerSize = MemoryLayout<Elf64_Ehdr>.size
    static let programHeaderSize = MemoryLayout<Elf64_Phdr>.size
    static let sectionHeaderSize = MemoryLayout<Elf64_Shdr>.size

    var programHeaders: [Elf64_Phdr]

    /// Validates `bytes` (the whole file) as an x86_64 ELF64 executable.
    /// `name` is the subject of every error (the image path).
    init(_ bytes: UnsafeRawBufferPointer, name: String) throws(LoaderError) {
        func fail(_ field: String?, _ reason: String) -> LoaderError {
            LoaderError(name, field: field, reason)
        }
        try Self.checkIdentification(bytes, fail)
        // Checked before libelf sees the file: opening it, libelf already acts
        // on the section header table's fields, and fails without naming them.
        // The header is in the host's byte order (checked above).
        let header = bytes.loadUnaligned(as: Elf64_Ehdr.self)
        try Self.checkHeader(header, fileSize: UInt64(bytes.count), fail)
        try Self.checkSectionTable(header, fileSize: UInt64(bytes.count), fail)
        _ = elf_version(UInt32(EV_CURRENT))
        let image = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
        guard let elf = elf_memory(image, bytes.count) else { throw fail(nil, Self.libelfError()) }
        defer { elf_end(elf) }
        guard elf_kind(elf) == ELF_K_ELF else { throw fail("ELF header", Self.libelfError()) }
        guard let table = elf64_getphdr(elf) else { throw fail("program header table", Self.libelfError()) }
        programHeaders = Array(UnsafeBufferPointer(start: table, count: Int(header.e_phnum)))
    }

    /// e_ident: magic, class, data encoding, version; then the header's size.
    private static func checkIdentification(_ bytes: UnsafeRawBufferPointer,
                                            _ fail: (String?, String) -> LoaderError) throws(LoaderError) {
        guard !bytes.isEmpty else { throw fail(nil, "empty file") }
        guard bytes.count >= 4, bytes[0] == 0x7f, bytes[1] == 0x45, bytes[2] == 0x4c, bytes[3] == 0x46 else {
            throw fail(nil, "not an ELF file (no 0x7f \"ELF\" magic)")
        }
        let truncated = fail("ELF header", "truncated: the file has \(bytes.count) bytes, an ELF64 header has \(headerSize)")
        guard bytes.count >= Int(EI_NIDENT) else { throw truncated }
        let elfClass = bytes[Int(EI_CLASS)], data = bytes[Int(EI_DATA)], version = bytes[Int(EI_VERSION)]
        guard elfClass == ELFCLASS64 else {
            throw fail("e_ident[EI_CLASS]", "\(elfClass)\(className(elfClass)), expected 2 (ELFCLASS64)")
        }
        guard data == ELFDATA2LSB else {
            throw fail("e_ident[EI_DATA]", "\(data)\(data == ELFDATA2MSB ? " (ELFDATA2MSB)" : ""), expected 1 (ELFDATA2LSB)")
        }
        guard version == EV_CURRENT else {
            throw fail("e_ident[EI_VERSION]", "\(version), expected 1 (EV_CURRENT)")
        }
        guard bytes.count >= headerSize else { throw truncated }
    }

    /// Type, machine, version, sizes, and the program header table's bounds.
    private static func checkHeader(_ header: Elf64_Ehdr, fileSize: UInt64,
                                    _ fail: (String?, String) -> LoaderError) throws(LoaderError) {
        guard header.e_type == ET_EXEC else {
            throw fail("e_type", "\(header.e_type)\(typeName(header.e_type)), expected 2 (ET_EXEC)")
        }
        guard header.e_machine == EM_X86_64 else {
            throw fail("e_machine", "\(header.e_machine), expected 62 (EM_X86_64)")
        }
        guard header.e_version == EV_CURRENT else {
            throw fail("e_version", "\(header.e_version), expected 1 (EV_CURRENT)")
        }
        guard header.e_ehsize == headerSize else {
            throw fail("e_ehsize", "\(header.e_ehsize), expected \(headerSize)")
        }
        guard header.e_phentsize == programHeaderSize else {
            throw fail("e_phentsize", "\(header.e_phentsize), expected \(programHeaderSize)")
        }
        guard header.e_phnum != 0 else { throw fail("e_phnum", "0: the image has no program headers") }
        guard header.e_phnum != PN_XNUM else {
            throw fail("e_phnum", "0xffff (PN_XNUM): extended program header numbering is not supported")
        }
        guard header.e_phoff >= headerSize else {
            throw fail("program header table", "e_phoff \(hex(header.e_phoff)) lies inside the ELF header (\(headerSize) bytes)")
        }
        try checkBounds("program header table", offsetField: "e_phoff", offset: header.e_phoff,
                        count: header.e_phnum, entrySize: programHeaderSize, fileSize: fileSize, fail)
    }

    /// The loader uses no section, but libelf reads the section header table
    /// when it opens the file: its entry size and bounds, like the program
    /// header table's. No table at all (e_shoff and e_shnum 0) is fine.
    private static func checkSectionTable(_ header: Elf64_Ehdr, fileSize: UInt64,
                                          _ fail: (String?, String) -> LoaderError) throws(LoaderError) {
        guard header.e_shnum != 0 else {
            guard header.e_shoff == 0 else {
                throw fail("e_shnum", "0 with e_shoff \(hex(header.e_shoff)): extended section numbering is not supported")
            }
            return
        }
        guard header.e_shentsize == sectionHeaderSize else {
            throw fail("e_shentsize", "\(header.e_shentsize), expected \(sectionHeaderSize)")
        }
        try checkBounds("section header table", offsetField: "e_shoff", offset: header.e_shoff,
                        count: header.e_shnum, entrySize: sectionHeaderSize, fileSize: fileSize, fail)
    }

    /// A table of `count` entries at file offset `offset` lies inside the file.
    private static func checkBounds(_ table: String, offsetField: String, offset: UInt64, count: UInt16,
                                    entrySize: Int, fileSize: UInt64,
                                    _ fail: (String?, String) -> LoaderError) throws(LoaderError) {
        let (tableEnd, overflow) = offset.addingReportingOverflow(UInt64(count) * UInt64(entrySize))
        guard !overflow, tableEnd <= fileSize else {
            throw fail(table, overflow
                ? "\(offsetField) \(hex(offset)) + \(count) entries overflows"
                : "\(hexRange(offset, tableEnd)) exceeds the file size (\(hex(fileSize)))")
        }
    }

    private static func className(_ value: UInt8) -> String {
        value == ELFCLASS32 ? " (ELFCLASS32)" : ""
    }

    private static func typeName(_ value: UInt16) -> String {
        let names = ["ET_NONE", "ET_REL", "ET_EXEC", "ET_DYN", "ET_CORE"]
        return Int(value) < names.count ? " (\(names[Int(value)]))" : ""
    }

    private static func libelfError() -> String {
        guard let message = elf_errmsg(-1) else { return "libelf: unknown error" }
        return "libelf: " + String(cString: message)
    }
}
