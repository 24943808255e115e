import Foundation

/// Facts about the machine the tests run on.
enum Host {
    /// The repository, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The `unikit` binary SwiftPM built next to this test bundle.
    static let unikit: String = {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("unikit").path
    }()

    /// Whether /dev/kvm can be opened for reading and writing.
    static let hasKVM: Bool = {
        let fd = open("/dev/kvm", O_RDWR | O_CLOEXEC)
        if fd >= 0 { close(fd); return true }
        FileHandle.standardError.write(Data("""
            *** /dev/kvm cannot be opened: SKIPPING the tests that boot images on unikit's KVM loader; \
            QEMU tests fall back to TCG ***\n
            """.utf8))
        return false
    }()

    static let qemu: String? = ["/usr/bin/qemu-system-x86_64", "/usr/local/bin/qemu-system-x86_64"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// What a finished process printed and returned.
struct ProcessOutput: Sendable {
    /// The exit status, or 128 + the signal that killed it.
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a command to completion (killed after `timeout` seconds). Output goes
/// through files rather than pipes so a chatty process cannot block.
func runProcess(_ arguments: [String], in directory: String? = nil,
                environment: [String: String] = [:], timeout: Int = 300) throws -> ProcessOutput {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("unikit-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = ["-k", "5", String(timeout)] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    process.waitUntilExit()
    // A process killed by a signal reads as 128 + the signal, as in a shell.
    let signaled = process.terminationReason == .uncaughtSignal
    return ProcessOutput(status: process.terminationStatus + (signaled ? 128 : 0),
                         stdout: try String(contentsOf: outURL, encoding: .utf8),
                         stderr: try String(contentsOf: errURL, encoding: .utf8))
}

/// A copy of an example folder in a temporary folder: the tests never write
/// into the source tree, and parallel tests do not share a build.
struct AppCopy: Sendable {
    let folder: String
    var name: String { URL(fileURLWithPath: folder).lastPathComponent }

    /// Copies the sources of `Examples/<example>`: not a `.config` or
    /// `build/` someone made by running unikit there.
    init(example: String) throws {
        try self.init(copying: Host.repository + "/Examples/" + example, skipping: [".config", ".config.old", "build"])
    }

    /// Copies another app folder, its build included.
    init(copying source: String, skipping skipped: Set<String> = []) throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("unikit-app-\(UUID().uuidString)")
        folder = parent.appendingPathComponent(URL(fileURLWithPath: source).lastPathComponent).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where !skipped.contains(name) {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/" + name)
        }
    }

    /// Runs `unikit arguments…` in the app folder.
    @discardableResult
    func unikit(_ arguments: String..., timeout: Int = 600) throws -> ProcessOutput {
        try runProcess([Host.unikit] + arguments, in: folder, timeout: timeout)
    }

    func write(_ file: String, _ text: String) throws {
        try text.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
    }

    func image(_ platform: String) -> String {
        "\(folder)/build/\(name)_\(platform)-x86_64"
    }
}

/// A private copy of the unikit tree (Kconfig, Platforms/, Libraries/) with
/// one example in it, for tests that change the tree's own files.
struct TreeCopy: Sendable {
    let root: String
    let app: String

    init(example: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("unikit-tree-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/Examples", withIntermediateDirectories: true)
        for item in ["Kconfig", "Platforms", "Libraries"] {
            try FileManager.default.copyItem(atPath: Host.repository + "/" + item, toPath: root + "/" + item)
        }
        app = root + "/Examples/" + example
        try FileManager.default.createDirectory(atPath: app, withIntermediateDirectories: true)
        let source = Host.repository + "/Examples/" + example
        for name in try FileManager.default.contentsOfDirectory(atPath: source)
        where ![".config", ".config.old", "build"].contains(name) {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: app + "/" + name)
        }
    }

    /// Runs `unikit arguments…` in the app folder, on this tree.
    @discardableResult
    func unikit(_ arguments: String...) throws -> ProcessOutput {
        try runProcess([Host.unikit] + arguments, in: app, environment: ["UNIKIT_HOME": root])
    }
}

/// QEMU command lines for kvm images: KVM where /dev/kvm opens, TCG elsewhere;
/// the guest's exit port is QEMU's isa-debug-exit (status 2·v+1).
enum QEMU {
    /// KVM when the host has it, else (or with `tcg`) TCG.
    static func accelerator(tcg: Bool = false) -> [String] {
        Host.hasKVM && !tcg ? ["-accel", "kvm", "-cpu", "host,-arch-capabilities"] : ["-accel", "tcg"]
    }

    static func command(machine: String, image: String, append: String, memory: String = "64M",
                        tcg: Bool = false) -> [String] {
        let accelerator = accelerator(tcg: tcg)
        return [Host.qemu!, "-M", machine] + accelerator + [
            "-m", memory, "-nodefaults", "-no-user-config", "-nographic", "-serial", "stdio",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-kernel", image, "-append", append,
        ]
    }

    /// QEMU's process status for a guest status.
    static func status(forGuestStatus status: Int32) -> Int32 {
        (2 * status + 1) & 0xff
    }
}

extension AppCopy {
    /// A copy of the app folder at `path` (relative to the repository),
    /// configured by `unikit defconfig` (from `defconfig` when given, else
    /// the app's own) and built.
    static func built(_ path: String, defconfig: String? = nil) throws -> AppCopy {
        let app = try AppCopy(copying: Host.repository + "/" + path, skipping: [".config", ".config.old", "build"])
        if let defconfig { try app.write("defconfig", defconfig) }
        try app.configureAndBuild()
        return app
    }

    /// Runs `unikit defconfig`, then `unikit build`; returns the build's output.
    @discardableResult
    func configureAndBuild() throws -> ProcessOutput {
        let configured = try unikit("defconfig")
        guard configured.status == 0 else { throw Failure("unikit defconfig failed:\n\(configured.stderr)") }
        let build = try unikit("build")
        guard build.status == 0 else { throw Failure("unikit build failed:\n\(build.stdout)\(build.stderr)") }
        return build
    }
}
