import CKVM
import Foundation
import Testing

/// One malformed image: how it is made from the good image (hello.S) and the
/// whole message the loader must give for it, as `<name>: …`.
struct BadImage: Sendable, CustomTestStringConvertible {
    let name: String
    /// Patches the good image; returns the expected message after `bad.img: `.
    let make: @Sendable (inout ElfEditor) -> String

    var testDescription: String { name }

    /// `<name>.elf` with dashes for spaces: the corpus file's name.
    var fileName: String { name.replacingOccurrences(of: " ", with: "-") + ".elf" }
}

/// The malformed-ELF corpus, generated from the good image on every run.
/// `Fuzz/make-elf-corpus` writes it out (through UNIKIT_WRITE_BAD_ELF_DIR)
/// as `Fuzz/seeds/elf`, the `elf` fuzz target's seeds.
enum BadImageCorpus {
    static let goodImage: Result<[UInt8], Toolchain.Failure> = Result {
        try Array(Data(contentsOf: URL(fileURLWithPath: Toolchain.build("hello"))))
    }.mapError { Toolchain.Failure(description: "\($0)") }

    static let all: [BadImage] = header + segments + notes

    static let header: [BadImage] = [
        BadImage(name: "not ELF") { elf in
            elf.bytes.replaceSubrange(0..<4, with: Array("#!/b".utf8))
            return "not an ELF file (no 0x7f \"ELF\" magic)"
        },
        BadImage(name: "empty file") { elf in
            elf.bytes = []
            return "empty file"
        },
        BadImage(name: "truncated e_ident") { elf in
            elf.bytes.removeSubrange(10...)
            return "ELF header: truncated: the file has 10 bytes, an ELF64 header has 64"
        },
        BadImage(name: "truncated header") { elf in
            elf.bytes.removeSubrange(40...)
            return "ELF header: truncated: the file has 40 bytes, an ELF64 header has 64"
        },
        BadImage(name: "truncated phdr table") { elf in
            let (start, end) = (elf.phoff, elf.phoff + elf.phnum * 56)
            elf.bytes.removeSubrange((start + 56 + 20)...)
            return "program header table: [\(hex(start)), \(hex(end))) exceeds the file size (\(hex(start + 76)))"
        },
        BadImage(name: "e_phoff beyond file") { elf in
            let size = UInt64(elf.bytes.count)
            elf.write(32, 8, size)
            return "program header table: [\(hex(size)), \(hex(size + UInt64(elf.phnum) * 56))) exceeds the file size (\(hex(size)))"
        },
        BadImage(name: "e_phoff inside the ELF header") { elf in
            elf.write(32, 8, 0)
            return "program header table: e_phoff 0x0 lies inside the ELF header (64 bytes)"
        },
        BadImage(name: "e_phoff overflows") { elf in
            elf.write(32, 8, UInt64.max - 8)
            return "program header table: e_phoff 0xfffffffffffffff7 + \(elf.phnum) entries overflows"
        },
        BadImage(name: "ELF32") { elf in
            elf.bytes[4] = 1
            return "e_ident[EI_CLASS]: 1 (ELFCLASS32), expected 2 (ELFCLASS64)"
        },
        BadImage(name: "big-endian") { elf in
            elf.bytes[5] = 2
            return "e_ident[EI_DATA]: 2 (ELFDATA2MSB), expected 1 (ELFDATA2LSB)"
        },
        BadImage(name: "e_ident version 0") { elf in
            elf.bytes[6] = 0
            return "e_ident[EI_VERSION]: 0, expected 1 (EV_CURRENT)"
        },
        BadImage(name: "ET_DYN") { elf in
            elf.write(16, 2, 3)
            return "e_type: 3 (ET_DYN), expected 2 (ET_EXEC)"
        },
        BadImage(name: "wrong machine") { elf in
            elf.write(18, 2, 183) // EM_AARCH64
            return "e_machine: 183, expected 62 (EM_X86_64)"
        },
        BadImage(name: "e_version 2") { elf in
            elf.write(20, 4, 2)
            return "e_version: 2, expected 1 (EV_CURRENT)"
        },
        BadImage(name: "e_ehsize 52") { elf in
            elf.write(52, 2, 52) // an ELF32 header's size
            return "e_ehsize: 52, expected 64"
        },
        BadImage(name: "e_phentsize 32") { elf in
            elf.write(54, 2, 32)
            return "e_phentsize: 32, expected 56"
        },
        BadImage(name: "no program headers") { elf in
            elf.write(56, 2, 0)
            return "e_phnum: 0: the image has no program headers"
        },
        BadImage(name: "e_phnum PN_XNUM") { elf in
            elf.write(56, 2, 0xffff)
            return "e_phnum: 0xffff (PN_XNUM): extended program header numbering is not supported"
        },
        // libelf reads the section header table on opening the file.
        BadImage(name: "e_shentsize 40") { elf in
            elf.write(58, 2, 40)
            return "e_shentsize: 40, expected 64"
        },
        BadImage(name: "e_shnum 0 with e_shoff") { elf in
            elf.write(60, 2, 0)
            return "e_shnum: 0 with e_shoff \(hex(elf.read(40, 8))): extended section numbering is not supported"
        },
        BadImage(name: "section header table beyond file") { elf in
            let start = UInt64(elf.bytes.count - 64)
            elf.write(40, 8, start)
            return "section header table: [\(hex(start)), \(hex(start + elf.read(60, 2) * 64))) exceeds the file size (\(hex(start + 64)))"
        },
    ]

    /// phdr[0] is the code PT_LOAD, phdr[1] data + bss, phdr[2] the PT_NOTE.
    static let segments: [BadImage] = [
        BadImage(name: "segment beyond memory") { elf in
            elf.setPhdr(1, .memsz, 32 << 20)
            let start = elf.phdr(1, .paddr)
            return "phdr[1]: segment [\(hex(start)), \(hex(start + (32 << 20)))) exceeds guest memory (32 MiB)"
        },
        BadImage(name: "segment one byte beyond memory") { elf in
            let start = elf.phdr(1, .paddr)
            elf.setPhdr(1, .memsz, (32 << 20) + 1 - start)
            return "phdr[1]: segment [\(hex(start)), 0x2000001) exceeds guest memory (32 MiB)"
        },
        BadImage(name: "huge p_memsz") { elf in
            let start = elf.phdr(1, .paddr)
            elf.setPhdr(1, .memsz, 0xffff_ffff_0000_0000)
            return "phdr[1]: segment [\(hex(start)), \(hex(start + 0xffff_ffff_0000_0000))) exceeds guest memory (32 MiB)"
        },
        BadImage(name: "p_memsz overflows") { elf in
            elf.setPhdr(1, .memsz, UInt64.max)
            return "phdr[1]: p_paddr \(hex(elf.phdr(1, .paddr))) + p_memsz 0xffffffffffffffff overflows"
        },
        BadImage(name: "segment in the loader area") { elf in
            elf.setPhdr(1, .paddr, 0x80000)
            elf.setPhdr(1, .vaddr, 0x80000)
            return "phdr[1]: segment [0x80000, \(hex(0x80000 + elf.phdr(1, .memsz)))) starts below 0x100000, in the loader area"
        },
        BadImage(name: "segment across the loader area end") { elf in
            elf.setPhdr(1, .paddr, 0xff000)
            elf.setPhdr(1, .vaddr, 0xff000)
            return "phdr[1]: segment [0xff000, \(hex(0xff000 + elf.phdr(1, .memsz)))) starts below 0x100000, in the loader area"
        },
        BadImage(name: "overlapping segments") { elf in
            let start = elf.phdr(0, .paddr) + 0x20
            elf.setPhdr(1, .paddr, start)
            elf.setPhdr(1, .vaddr, start)
            return "phdr[1]: segment [\(hex(start)), \(hex(start + elf.phdr(1, .memsz)))) overlaps phdr[0] "
                + "[\(hex(elf.phdr(0, .paddr))), \(hex(elf.phdr(0, .paddr) + elf.phdr(0, .memsz))))"
        },
        BadImage(name: "overlap with a later header first") { elf in
            // phdr[0] moved inside phdr[1]: the message names the later header.
            let start = elf.phdr(1, .paddr) + 0x1000
            elf.setPhdr(0, .paddr, start)
            elf.setPhdr(0, .vaddr, start)
            let (data, end) = (elf.phdr(1, .paddr), elf.phdr(1, .paddr) + elf.phdr(1, .memsz))
            return "phdr[1]: segment [\(hex(data)), \(hex(end))) overlaps phdr[0] [\(hex(start)), \(hex(start + elf.phdr(0, .memsz))))"
        },
        BadImage(name: "p_filesz beyond p_memsz") { elf in
            let fileSize = elf.phdr(1, .filesz)
            elf.setPhdr(1, .memsz, fileSize - 1)
            return "phdr[1]: p_filesz \(hex(fileSize)) exceeds p_memsz \(hex(fileSize - 1))"
        },
        BadImage(name: "p_offset beyond file") { elf in
            let size = UInt64(elf.bytes.count)
            elf.setPhdr(0, .offset, size)
            return "phdr[0]: file range [\(hex(size)), \(hex(size + elf.phdr(0, .filesz)))) exceeds the file size (\(hex(size)))"
        },
        BadImage(name: "p_offset overflows") { elf in
            elf.setPhdr(0, .offset, UInt64.max - 0x10)
            return "phdr[0]: p_offset 0xffffffffffffffef + p_filesz \(hex(elf.phdr(0, .filesz))) overflows"
        },
        BadImage(name: "p_paddr overflows") { elf in
            elf.setPhdr(1, .paddr, 0xffff_ffff_ffff_f000)
            elf.setPhdr(1, .vaddr, 0xffff_ffff_ffff_f000)
            return "phdr[1]: p_paddr 0xfffffffffffff000 + p_memsz \(hex(elf.phdr(1, .memsz))) overflows"
        },
        BadImage(name: "vaddr differs from paddr") { elf in
            let paddr = elf.phdr(1, .paddr)
            elf.setPhdr(1, .vaddr, paddr + 0x1000)
            return "phdr[1]: p_vaddr \(hex(paddr + 0x1000)) differs from p_paddr \(hex(paddr)) (the loader identity-maps RAM)"
        },
        BadImage(name: "no PT_LOAD") { elf in
            elf.setPhdr(0, .type, 0)
            elf.setPhdr(1, .type, 0)
            return "program headers: no PT_LOAD segment with p_memsz > 0"
        },
        BadImage(name: "PT_INTERP") { elf in
            elf.setPhdr(2, .type, 3)
            return "phdr[2]: PT_INTERP: the image must be statically linked"
        },
        BadImage(name: "PT_DYNAMIC") { elf in
            elf.setPhdr(2, .type, 2)
            return "phdr[2]: PT_DYNAMIC: the image must be statically linked"
        },
        BadImage(name: "PT_NOTE beyond file") { elf in
            let size = UInt64(elf.bytes.count)
            elf.setPhdr(2, .offset, size - 8)
            return "phdr[2]: file range [\(hex(size - 8)), \(hex(size - 8 + elf.phdr(2, .filesz)))) exceeds the file size (\(hex(size)))"
        },
    ]

    static let notes: [BadImage] = [
        BadImage(name: "entry outside segments") { elf in
            elf.write(ElfEditor.descOffset(elf.unikitNote(type: 2)), 8, 0x1ff_f000)
            return "note UNIKIT_NOTE_ENTRY64: entry 0x1fff000 is not inside an executable PT_LOAD segment"
        },
        BadImage(name: "entry in the data segment") { elf in
            let data = elf.phdr(1, .paddr)
            elf.write(ElfEditor.descOffset(elf.unikitNote(type: 2)), 8, data)
            return "note UNIKIT_NOTE_ENTRY64: entry \(hex(data)) is not inside an executable PT_LOAD segment"
        },
        BadImage(name: "entry at the code segment end") { elf in
            let end = elf.phdr(0, .paddr) + elf.phdr(0, .memsz)
            elf.write(ElfEditor.descOffset(elf.unikitNote(type: 2)), 8, end)
            return "note UNIKIT_NOTE_ENTRY64: entry \(hex(end)) is not inside an executable PT_LOAD segment"
        },
        BadImage(name: "missing entry note") { elf in
            elf.write(elf.unikitNote(type: 2) + 8, 4, 99)
            return "note UNIKIT_NOTE_ENTRY64: missing (PT_NOTE owner \"unikit\", type 2)"
        },
        BadImage(name: "missing ABI note") { elf in
            elf.bytes[elf.unikitNote(type: 1) + 12 + 5] = UInt8(ascii: "x") // "unikix"
            return "note UNIKIT_NOTE_ABI_VERSION: missing (PT_NOTE owner \"unikit\", type 1)"
        },
        BadImage(name: "wrong ABI version") { elf in
            let other = UInt64(UNIKIT_ABI_VERSION) + 1
            elf.write(ElfEditor.descOffset(elf.unikitNote(type: 1)), 4, other)
            return "note UNIKIT_NOTE_ABI_VERSION: image ABI version \(other), this loader speaks version \(UNIKIT_ABI_VERSION)"
        },
        BadImage(name: "note descsz beyond segment") { elf in
            let note = elf.unikitNote(type: 2)
            elf.write(note + 4, 4, 0x1000)
            return "phdr[2]: note at file offset \(hex(note)): n_descsz 0x1000 exceeds the segment"
        },
        BadImage(name: "note namesz beyond segment") { elf in
            let note = elf.unikitNote(type: 1)
            elf.write(note, 4, 0xffff_ffff)
            return "phdr[2]: note at file offset \(hex(note)): n_namesz 0xffffffff exceeds the segment"
        },
        BadImage(name: "truncated note header") { elf in
            let end = elf.phdr(2, .offset) + elf.phdr(2, .filesz)
            elf.setPhdr(2, .filesz, elf.phdr(2, .filesz) + 6)
            return "phdr[2]: note at file offset \(hex(end)): truncated header (6 bytes left, need 12)"
        },
        BadImage(name: "duplicate ABI note") { elf in
            let note = elf.unikitNote(type: 2)
            elf.write(note + 8, 4, 1)
            return "phdr[2]: note at file offset \(hex(note)): second UNIKIT_NOTE_ABI_VERSION note"
        },
        BadImage(name: "duplicate entry note") { elf in
            // phdr[1] becomes a PT_NOTE holding only the entry note, which
            // phdr[2] then holds again.
            let note = elf.unikitNote(type: 2)
            elf.setPhdr(1, .type, 4)
            elf.setPhdr(1, .offset, UInt64(note))
            elf.setPhdr(1, .filesz, 12 + 8 + 8)
            return "phdr[2]: note at file offset \(hex(note)): second UNIKIT_NOTE_ENTRY64 note"
        },
        BadImage(name: "ABI note descsz 8") { elf in
            let abi = elf.unikitNote(type: 1)
            elf.write(abi + 4, 4, 8) // ABI note claims 8 bytes of desc
            return "phdr[2]: note at file offset \(hex(abi)): UNIKIT_NOTE_ABI_VERSION has n_descsz 8, expected 4"
        },
        BadImage(name: "entry note descsz 4") { elf in
            let entry = elf.unikitNote(type: 2)
            elf.write(entry + 4, 4, 4)
            return "phdr[2]: note at file offset \(hex(entry)): UNIKIT_NOTE_ENTRY64 has n_descsz 4, expected 8"
        },
    ]
}
