import Foundation
import FuzzEntries
import Testing
@testable import Loader

/// Replays the committed `elf` fuzz inputs (`Fuzz/seeds/elf`, the corpus
/// `Fuzz/make-elf-corpus` writes, and `Fuzz/regressions/elf`) through the
/// fuzzer's entry point, and checks that the committed corpus still gets
/// the messages listed in `Fuzz/seeds/elf/messages.txt`.
@Suite(.timeLimit(.minutes(2)))
struct ElfFuzzRegressionTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz")
    static let corpus = fuzz.appendingPathComponent("seeds/elf")

    @Test func replayCommittedInputs() throws {
        var count = 0
        for kind in ["seeds", "regressions"] {
            let folder = Self.fuzz.appendingPathComponent("\(kind)/elf")
            for input in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            where !input.lastPathComponent.hasPrefix(".") {
                _ = FuzzTarget.elf.run(Array(try Data(contentsOf: input)))
                count += 1
            }
        }
        #expect(count > 0)
    }

    @Test func goodSeedLoads() throws {
        #expect(FuzzTarget.elf.run(Array(try Data(contentsOf: Self.corpus.appendingPathComponent("good.elf")))) == [])
    }

    /// Each line is `<file>: <message>`, what the loader says about `<file>`.
    /// A failure after a deliberate change of a message or of the ABI means
    /// the corpus is stale: regenerate it with `Fuzz/make-elf-corpus`.
    @Test func committedCorpusGetsItsMessages() throws {
        let listing = try String(contentsOf: Self.corpus.appendingPathComponent("messages.txt"), encoding: .utf8)
        let lines = listing.split(separator: "\n").map(String.init)
        let files = lines.map { String($0.prefix { $0 != ":" }) }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".elf") }
        #expect(Set(files) == Set(onDisk).subtracting(["good.elf"]))
        // Each file has its own message: no two lines alike once the file names are cut off.
        #expect(Set(zip(files, lines).map { $1.dropFirst($0.count) }).count == lines.count)
        for (file, line) in zip(files, lines) {
            let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(file)))
            let message = bytes.withUnsafeBytes { bytes in
                do {
                    _ = try GuestImage.validate(bytes, name: file, memorySize: 32 << 20)
                    return "\(file): accepted"
                } catch {
                    return "\(error)"
                }
            }
            #expect(message == line)
        }
    }
}

/// Replays the committed `virtqueue` fuzz inputs; the hand-made seeds (a
/// write, a read and a flush of sector-sized requests) are served without
/// a refusal.
@Suite(.timeLimit(.minutes(2)))
struct VirtqueueFuzzRegressionTests {
    @Test func replayCommittedInputs() throws {
        var count = 0
        for kind in ["seeds", "regressions"] {
            let folder = ElfFuzzRegressionTests.fuzz.appendingPathComponent("\(kind)/virtqueue")
            guard let inputs = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else { continue }
            for input in inputs where !input.lastPathComponent.hasPrefix(".") {
                let messages = FuzzTarget.virtqueue.run(Array(try Data(contentsOf: input)))
                if kind == "seeds" { #expect(messages == [], "\(input.lastPathComponent): \(messages)") }
                count += 1
            }
        }
        #expect(count >= 3)
    }
}
