import Foundation
import Testing
@testable import Loader

/// ELF validation without KVM: the good image, the malformed corpus, and random damage.
@Suite struct ElfValidationTests {
    static func good() throws -> [UInt8] { try BadImageCorpus.goodImage.get() }

    static func validate(_ bytes: [UInt8], memorySize: UInt64 = 32 << 20) throws(LoaderError) -> GuestImage {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(LoaderError) in try GuestImage.validate(buffer, name: "bad.img", memorySize: memorySize) }
        }.get()
    }

    @Test func goodImageValidates() throws {
        let elf = ElfEditor(bytes: try Self.good())
        let image = try Self.validate(elf.bytes)
        #expect(image.entry == GuestPhysicalAddress(0x10_0000))
        #expect(image.segments.map(\.index) == [0, 1])
        #expect(image.segments.map(\.executable) == [true, false])
        #expect(image.segments[1].address.rawValue == elf.phdr(1, .paddr))
        #expect(image.segments[1].memorySize == elf.phdr(1, .memsz))
        let end = elf.phdr(1, .paddr) + elf.phdr(1, .memsz)
        #expect(image.end.rawValue == (end + 0xfff) & ~0xfff)
    }

    @Test(arguments: BadImageCorpus.all)
    func badImageIsRejected(_ bad: BadImage) throws {
        var elf = ElfEditor(bytes: try Self.good())
        let expected = "bad.img: " + bad.make(&elf)
        #expect(throws: LoaderError.self) { _ = try Self.validate(elf.bytes) }
        do {
            _ = try Self.validate(elf.bytes)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func everyBadImageHasItsOwnMessageAndFile() throws {
        let messages = try BadImageCorpus.all.map { bad in
            var elf = ElfEditor(bytes: try Self.good())
            return bad.make(&elf)
        }
        let shared = Dictionary(grouping: zip(BadImageCorpus.all.map(\.name), messages), by: \.1).filter { $0.value.count > 1 }
        #expect(shared.isEmpty, "cases with the same message: \(shared.values.map { $0.map(\.0) })")
        #expect(Set(BadImageCorpus.all.map(\.fileName)).count == BadImageCorpus.all.count)
    }

    /// An empty PT_LOAD loads nothing, so its address matters nowhere (not even in `end`).
    @Test func emptyLoadIsIgnoredWhereverItIs() throws {
        var elf = ElfEditor(bytes: try Self.good())
        for field in [ElfEditor.Phdr.filesz, .memsz] { elf.setPhdr(1, field, 0) }
        for field in [ElfEditor.Phdr.paddr, .vaddr] { elf.setPhdr(1, field, 0xffff_ffff_ffff_f800) }
        let image = try Self.validate(elf.bytes)
        #expect(image.segments.map(\.index) == [0])
        #expect(image.end == GuestPhysicalAddress(0x10_1000))
    }

    @Test func segmentMayEndAtTheEndOfMemory() throws {
        var elf = ElfEditor(bytes: try Self.good())
        elf.setPhdr(1, .memsz, (32 << 20) - elf.phdr(1, .paddr))
        #expect(try Self.validate(elf.bytes).end == GuestPhysicalAddress(32 << 20))
    }

    /// Writes the corpus to $UNIKIT_WRITE_BAD_ELF_DIR when set (`Fuzz/make-elf-corpus`):
    /// `good.elf`, one file per bad image, and `messages.txt`, each bad file's
    /// message as the loader gives it for that file.
    @Test func writeCorpusWhenAsked() throws {
        guard let directory = ProcessInfo.processInfo.environment["UNIKIT_WRITE_BAD_ELF_DIR"] else { return }
        let folder = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(try Self.good()).write(to: folder.appendingPathComponent("good.elf"))
        var messages = ""
        for bad in BadImageCorpus.all {
            var elf = ElfEditor(bytes: try Self.good())
            messages += "\(bad.fileName): \(bad.make(&elf))\n"
            try Data(elf.bytes).write(to: folder.appendingPathComponent(bad.fileName))
        }
        try Data(messages.utf8).write(to: folder.appendingPathComponent("messages.txt"))
    }

    /// Random byte damage and truncation never crash the validator; whatever
    /// it accepts still lies inside memory and the file.
    @Test func randomDamageNeverCrashes() throws {
        let good = try Self.good()
        var random = SplitMix64(seed: 0x756e_696b_6974)
        for round in 0..<3000 {
            var bytes = good
            for _ in 0...(round % 8) {
                let offset = Int(random.next() % UInt64(min(bytes.count, 0x1100)))
                bytes[offset] = UInt8(truncatingIfNeeded: random.next())
            }
            if round % 5 == 0 { bytes.removeSubrange(Int(random.next() % UInt64(bytes.count))...) }
            guard let image = try? Self.validate(bytes) else { continue }
            for segment in image.segments {
                #expect(segment.fileOffset + segment.fileSize <= UInt64(bytes.count))
                #expect(segment.address.rawValue >= 0x10_0000 && segment.end <= 32 << 20)
            }
        }
    }

    @Test func missingFileAndBadOptions() throws {
        #expect(throws: LoaderError("/nonexistent/hello.img", "cannot open: No such file or directory")) {
            _ = try bootImage(path: "/nonexistent/hello.img", options: LoaderOptions())
        }
        var options = LoaderOptions()
        options.memorySize = 33 << 20
        #expect(throws: LoaderError("options", field: "memory size", "34603008 bytes is not a multiple of 2 MiB")) {
            _ = try bootImage(path: "/nonexistent/hello.img", options: options)
        }
        options = LoaderOptions()
        options.commandLine = "a\0b"
        #expect(throws: LoaderError("options", field: "command line", "contains a NUL byte")) {
            _ = try bootImage(path: "/nonexistent/hello.img", options: options)
        }
        #expect(throws: LoaderError("/tmp", "not a regular file")) {
            _ = try bootImage(path: "/tmp", options: LoaderOptions())
        }
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
