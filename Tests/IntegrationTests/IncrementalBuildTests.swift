import Foundation
import Testing

/// `unikit build` with the real toolchain: what each kind of change
/// rebuilds, reproducibility, recovery from a killed build, the lock.
@Suite struct IncrementalBuildTests {
    /// The steps a build ran, from its "[n/N] label" lines.
    static func steps(_ output: ProcessOutput) -> [String] {
        output.stdout.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
            return String(line[line.index(close, offsetBy: 2)...])
        }
    }

    static let relinkLinuxu = ["LD build/helloworld_linuxu-x86_64.dbg", "STRIP build/helloworld_linuxu-x86_64"]

    /// A helloworld copy configured and built for linuxu only.
    static func builtLinuxuApp() throws -> AppCopy {
        let app = try AppCopy(example: "helloworld")
        try app.write("defconfig", "CONFIG_PLAT_LINUXU=y\nCONFIG_PLAT_KVM=n\n")
        #expect(try app.unikit("defconfig").status == 0)
        let build = try app.unikit("build")
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        return app
    }

    func touch(_ path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
    }

    @Test func cleanBuildThenNoOpBuildRunsNoCommand() throws {
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("defconfig").status == 0)
        let clean = try app.unikit("build")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        let steps = Self.steps(clean)
        #expect(steps.filter { $0.hasPrefix("LD ") }.count == 2 && steps.filter { $0.hasPrefix("STRIP ") }.count == 2)
        let noOp = try app.unikit("build")
        #expect(noOp.status == 0)
        #expect(Self.steps(noOp).isEmpty)
        #expect(noOp.stdout.hasPrefix("unikit: nothing to rebuild\n"))
    }

    @Test func touchedSourceRebuildsOneObjectAndRelinks() throws {
        let app = try Self.builtLinuxuApp()
        try touch(app.folder + "/main.c")
        #expect(Self.steps(try app.unikit("build")) == ["CC main.c"] + Self.relinkLinuxu)
    }

    @Test func touchedHeaderRebuildsExactlyItsIncluders() throws {
        let tree = try TreeCopy(example: "helloworld")
        try "CONFIG_PLAT_LINUXU=y\nCONFIG_PLAT_KVM=n\n".write(toFile: tree.app + "/defconfig", atomically: true, encoding: .utf8)
        #expect(try tree.unikit("defconfig").status == 0)
        #expect(try tree.unikit("build").status == 0)
        try touch(tree.root + "/Libraries/ukconsole/include/ukconsole/console.h")
        let steps = Self.steps(try tree.unikit("build"))
        #expect(Set(steps.dropLast(2)) == [
            "CC Libraries/nolibc/src/stdio.c",
            "CC Libraries/ukconsole/src/console.c", "CC Libraries/ukconsole/src/print.c",
        ])
        #expect(Array(steps.suffix(2)) == Self.relinkLinuxu)
    }

    @Test func changedKconfigOptionRebuildsOnlyItsUsers() throws {
        let app = try Self.builtLinuxuApp()
        let config = app.folder + "/.config"
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "CONFIG_HELLOWORLD_EXIT_STATUS=0", with: "CONFIG_HELLOWORLD_EXIT_STATUS=7")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        #expect(Self.steps(try app.unikit("build")) == ["CC main.c"] + Self.relinkLinuxu)
        #expect(try app.unikit("run").status == 7)
        text = text.replacingOccurrences(of: "CONFIG_LIBUKCONSOLE_LINE_SIZE=256", with: "CONFIG_LIBUKCONSOLE_LINE_SIZE=100")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        #expect(Self.steps(try app.unikit("build")) == ["CC Libraries/ukconsole/src/console.c"] + Self.relinkLinuxu)
    }

    @Test func changedManifestFlagRebuildsThatLibrary() throws {
        let tree = try TreeCopy(example: "helloworld")
        try "CONFIG_PLAT_LINUXU=y\nCONFIG_PLAT_KVM=n\n".write(toFile: tree.app + "/defconfig", atomically: true, encoding: .utf8)
        #expect(try tree.unikit("defconfig").status == 0)
        #expect(try tree.unikit("build").status == 0)
        let manifest = tree.root + "/Libraries/ukalloc/Manifest"
        let text = try String(contentsOfFile: manifest, encoding: .utf8) + "cflags: -DUKALLOC_TEST_FLAG\n"
        try text.write(toFile: manifest, atomically: true, encoding: .utf8)
        let steps = Self.steps(try tree.unikit("build"))
        #expect(Set(steps.dropLast(2)) == ["CC Libraries/ukalloc/src/heap.c", "CC Libraries/ukalloc/src/tlsf.c"])
        #expect(Array(steps.suffix(2)) == Self.relinkLinuxu)
    }

    @Test func sameTreeAndConfigGiveIdenticalImagesInTwoFolders() throws {
        let first = try BuiltExample.named("helloworld").app
        let second = try AppCopy(example: "helloworld")
        #expect(try second.unikit("defconfig").status == 0)
        #expect(try second.unikit("build").status == 0)
        #expect(first.folder != second.folder)
        for platform in ["kvm", "linuxu"] {
            for suffix in ["", ".dbg"] {
                let a = try Data(contentsOf: URL(fileURLWithPath: first.image(platform) + suffix))
                let b = try Data(contentsOf: URL(fileURLWithPath: second.image(platform) + suffix))
                #expect(a == b, "\(platform)\(suffix) differs")
            }
        }
    }

    @Test func buildKilledMidwayThenRebuiltGivesTheSameImage() throws {
        let built = try BuiltExample.named("helloworld")
        let reference = built.app, allSteps = Self.steps(built.buildOutput).count
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("defconfig").status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Host.unikit)
        process.arguments = ["build", "-j1"]
        process.currentDirectoryURL = URL(fileURLWithPath: app.folder)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let log = app.folder + "/build/.unikit_log"
        while process.isRunning, ((try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").count ?? 0) < 8 {
            usleep(5000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the build was killed before it ended")
        usleep(500_000) // the compiler it had started finishes on its own
        let resumed = try app.unikit("build")
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(!Self.steps(resumed).isEmpty && Self.steps(resumed).count < allSteps, "only what was left ran")
        for platform in ["kvm", "linuxu"] {
            #expect(FileManager.default.contentsEqual(atPath: app.image(platform), andPath: reference.image(platform)))
        }
    }

    @Test func secondBuildInTheSameFolderIsRefused() throws {
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("defconfig").status == 0)
        try FileManager.default.createDirectory(atPath: app.folder + "/build", withIntermediateDirectories: true)
        let fd = open(app.folder + "/build/.lock", O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let result = try app.unikit("build")
        #expect(result.status != 0)
        #expect(result.stderr.contains("another unikit command is building in this folder (it holds .lock); wait for it to finish"),
                "stderr: \(result.stderr)")
    }
}
