import Foundation
import Testing

extension Host {
    /// The Swift toolchain's `clang`, found as unikit finds its compilers:
    /// the `bin` folder in `UNIKIT_TOOLCHAIN`, else the one holding the first
    /// `swiftc` on `PATH` (symbolic links resolved); failing both, the first
    /// `clang` on `PATH`.
    static let clang: String? = {
        let environment = ProcessInfo.processInfo.environment
        let executable = { (path: String) in FileManager.default.isExecutableFile(atPath: path) ? path : nil }
        if let folder = environment["UNIKIT_TOOLCHAIN"], !folder.isEmpty {
            return executable(folder + "/clang")
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for folder in folders where executable(folder + "/swiftc") != nil {
            let swiftc = URL(fileURLWithPath: folder + "/swiftc").resolvingSymlinksInPath()
            if let clang = executable(swiftc.deletingLastPathComponent().path + "/clang") { return clang }
        }
        return folders.lazy.compactMap { executable($0 + "/clang") }.first
    }()
}

/// printf conformance with glibc: `Tests/GuestTests/formats` formats every
/// case of its `format_cases.h` with the image's snprintf and prints one line
/// per case; its `main.c`, compiled for the host with the toolchain's clang,
/// prints the same lines from glibc's snprintf. Every line must match.
@Suite struct FormatConformanceTests {
    static let source = Host.repository + "/Tests/GuestTests/formats"

    /// The lines the image prints on linuxu.
    func guestLines() throws -> [Substring] {
        let app = try AppCopy(copying: Self.source, skipping: [".config", ".config.old", "build"])
        let configured = try app.unikit("defconfig")
        guard configured.status == 0 else { throw Failure("unikit defconfig failed:\n\(configured.stderr)") }
        let build = try app.unikit("build", "--platform", "linuxu")
        guard build.status == 0 else { throw Failure("unikit build failed:\n\(build.stdout)\(build.stderr)") }
        let run = try runProcess([app.image("linuxu")], timeout: 60)
        guard run.status == 0 else { throw Failure("the image exited with \(run.status):\n\(run.stderr)") }
        return run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The lines the same program prints when built against the host's C library.
    func hostLines() throws -> [Substring] {
        let clang = try #require(Host.clang, "no clang: neither next to swiftc on PATH nor on PATH")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("unikit-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let program = scratch.appendingPathComponent("formats-host").path
        // -w: the cases include flag combinations clang warns about on purpose.
        let compile = try runProcess([clang, "-std=c11", "-O1", "-w", "-o", program, Self.source + "/main.c"])
        guard compile.status == 0 else { throw Failure("compiling main.c for the host failed:\n\(compile.stderr)") }
        let run = try runProcess([program], timeout: 60)
        guard run.status == 0 else { throw Failure("the host program exited with \(run.status):\n\(run.stderr)") }
        return run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func snprintfMatchesGlibc() throws {
        let guest = try guestLines(), host = try hostLines()
        #expect(host.count > 200, "the host program printed only \(host.count) lines")
        let differences = zip(host, guest).filter { $0 != $1 }
            .map { "  glibc:  \($0)\n  nolibc: \($1)" }
        #expect(differences.count == 0, "cases differ:\n\(differences.joined(separator: "\n"))")
        #expect(guest.count == host.count, "glibc printed \(host.count) lines, the image \(guest.count)")
    }
}
