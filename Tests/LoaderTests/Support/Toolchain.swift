import CKVM
import Foundation

/// Builds the micro-guests in `Fixtures/` with the Swift toolchain's own
/// `clang` and `ld.lld` (found next to `swift` on PATH), passing the ABI
/// numbers from `loader_abi.h` as -D flags.
enum Toolchain {
    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String
    }

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The directory holding `swift`, `clang` and `ld.lld`.
    static let directory: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map(String.init) + ["/opt/swift/usr/bin"]
        return candidates.first { directory in
            ["swift", "clang", "ld.lld"].allSatisfy {
                FileManager.default.isExecutableFile(atPath: directory + "/" + $0)
            }
        }
    }()

    static let defines = [
        "UNIKIT_ABI_VERSION=\(UNIKIT_ABI_VERSION)",
        "UNIKIT_NOTE_ABI_VERSION=\(UNIKIT_NOTE_ABI_VERSION)",
        "UNIKIT_NOTE_ENTRY64=\(UNIKIT_NOTE_ENTRY64)",
        "UNIKIT_PORT_CONSOLE=\(UNIKIT_PORT_CONSOLE)",
        "UNIKIT_PORT_EXIT=\(UNIKIT_PORT_EXIT)",
        "UNIKIT_PORT_IDLE=\(UNIKIT_PORT_IDLE)",
    ]

    /// Assembles and links `Fixtures/<name>.S`; returns the image's path in a fresh temporary directory.
    static func build(_ name: String) throws -> String {
        guard let directory else { throw Failure(description: "no clang and ld.lld next to swift on PATH") }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("unikit-loader-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let object = output.appendingPathComponent("\(name).o").path
        let image = output.appendingPathComponent("\(name).elf").path
        try run(directory + "/clang", ["--target=x86_64-unknown-none-elf", "-c", "-I", fixtures.path]
            + defines.map { "-D" + $0 } + [fixtures.appendingPathComponent("\(name).S").path, "-o", object])
        // Segments aligned to 16 bytes in the file (not 4 KiB): the loader copies
        // them anyway, and the images stay about 1 KiB, small fuzz seeds.
        try run(directory + "/ld.lld", ["-z", "max-page-size=16", "-T", fixtures.appendingPathComponent("guest.ld").path,
                                        "-o", image, object])
        return image
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed:\n"
                          + String(decoding: message, as: UTF8.self))
        }
    }
}
