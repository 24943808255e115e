/// Reads and patches fields of a little-endian ELF64 image by offset, for
/// generating malformed images from a good one. Test-side and deliberately
/// independent of the loader's own reader.
struct ElfEditor {
    var bytes: [UInt8]

    enum Phdr: Int { case type = 0, flags = 4, offset = 8, vaddr = 16, paddr = 24, filesz = 32, memsz = 40, align = 48 }

    func read(_ offset: Int, _ size: Int) -> UInt64 {
        (0..<size).reversed().reduce(0) { $0 << 8 | UInt64(bytes[offset + $1]) }
    }

    mutating func write(_ offset: Int, _ size: Int, _ value: UInt64) {
        for index in 0..<size { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    var phoff: Int { Int(read(32, 8)) }
    var phnum: Int { Int(read(56, 2)) }

    func phdrOffset(_ index: Int) -> Int { phoff + index * 56 }

    func phdr(_ index: Int, _ field: Phdr) -> UInt64 {
        read(phdrOffset(index) + field.rawValue, field == .type || field == .flags ? 4 : 8)
    }

    mutating func setPhdr(_ index: Int, _ field: Phdr, _ value: UInt64) {
        write(phdrOffset(index) + field.rawValue, field == .type || field == .flags ? 4 : 8, value)
    }

    /// Index of the first program header of `type`.
    func phdrIndex(type: UInt64) -> Int {
        (0..<phnum).first { phdr($0, .type) == type }!
    }

    /// File offset of the header of the `unikit` note of `type` (4-byte padded notes).
    func unikitNote(type: UInt32) -> Int {
        let segment = phdrIndex(type: 4) // PT_NOTE
        var offset = Int(phdr(segment, .offset))
        let end = offset + Int(phdr(segment, .filesz))
        while offset < end {
            let nameSize = Int(read(offset, 4)), descSize = Int(read(offset + 4, 4))
            let name = bytes[(offset + 12)..<(offset + 12 + nameSize)]
            if Array(name) == Array("unikit\0".utf8), read(offset + 8, 4) == type { return offset }
            offset += 12 + (nameSize + 3) / 4 * 4 + (descSize + 3) / 4 * 4
        }
        fatalError("good image has no unikit note of type \(type)")
    }

    /// File offset of a note's descriptor (name "unikit\0" padded to 8).
    static func descOffset(_ note: Int) -> Int { note + 12 + 8 }
}

/// `0x…` as the loader prints numbers.
func hex<T: BinaryInteger>(_ value: T) -> String { "0x" + String(value, radix: 16) }
