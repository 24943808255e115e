import Foundation
import Testing

/// `unikit config MODE [FILE] --kconfig Kconfig`, the real binary, on every
/// case Linux's `conf` recorded under Tests/KconfigKitTests/Fixtures/*/cases:
/// the same stdout, stderr, exit status and build folder.
@Suite struct ConfigCommandTests {
    static let fixtures = Host.repository + "/Tests/KconfigKitTests/Fixtures"

    static let cases: [String] = {
        let scenarios = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
        return scenarios.sorted().flatMap { scenario in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(fixtures)/\(scenario)/cases")) ?? []
            return names.sorted().map { "\(scenario)/\($0)" }
        }
    }()

    @Test(arguments: cases)
    func behavesAsLinuxConf(_ name: String) throws {
        let folder = "\(Self.fixtures)/\(name.split(separator: "/")[0])"
        let recorded = "\(Self.fixtures)/\(name.split(separator: "/")[0])/cases/\(name.split(separator: "/")[1])"
        let work = try temporaryFolder(copying: "\(recorded)/before")
        let result = try runConfig(arguments(from: try read("\(recorded)/args")), in: work,
                                   environment: environment(from: "\(recorded)/env", srctree: folder),
                                   input: "\(recorded)/stdin")
        #expect(result.stdout == (try read("\(recorded)/stdout")))
        #expect(result.stderr == (try read("\(recorded)/stderr")))
        #expect("\(result.status)\n" == (try read("\(recorded)/status")))
        #expect(try files(under: work) == files(under: "\(recorded)/after"))
    }

    @Test func mistakesAreExplained() throws {
        let work = try temporaryFolder(copying: nil)
        let unknown = try runConfig(["frobconfig", "--kconfig", "Kconfig"], in: work)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown mode 'frobconfig' (modes: oldaskconfig, oldconfig,"))
        let noFile = try runConfig(["defconfig", "--kconfig", "Kconfig"], in: work)
        #expect(noFile.status == 64 && noFile.stderr.contains("defconfig needs a FILE"))
        let extraFile = try runConfig(["olddefconfig", "x", "--kconfig", "Kconfig"], in: work)
        #expect(extraFile.status == 64 && extraFile.stderr.contains("olddefconfig takes no FILE"))
        let noKconfig = try runConfig(["olddefconfig", "--kconfig", "Nowhere"], in: work)
        #expect(noKconfig.status == 1)
        #expect(noKconfig.stderr == "can't find file Nowhere\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty)
    }

    /// `-s --MODE[=FILE]` as recorded, as `unikit config` takes it.
    private func arguments(from args: String) -> [String] {
        var result: [String] = []
        for word in args.split(whereSeparator: \.isWhitespace) {
            if word == "-s" { result.append("-s"); continue }
            let parts = word.dropFirst(2).split(separator: "=", maxSplits: 1).map(String.init)
            result = parts + result
        }
        return result + ["--kconfig", "Kconfig"]
    }

    private func environment(from file: String, srctree: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("KCONFIG_") }
        environment["srctree"] = srctree
        for line in ((try? read(file)) ?? "").split(separator: "\n") {
            let pair = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            environment[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        }
        return environment
    }
}

/// Runs `unikit config …` (or another subcommand) in `folder` with exactly
/// `environment`, stdin from the file `input` (nothing when it does not exist).
func runConfig(_ arguments: [String], in folder: String, environment: [String: String]? = nil,
               input: String? = nil, subcommand: String? = "config") throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Host.unikit)
    process.arguments = (subcommand.map { [$0] } ?? []) + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = environment ?? ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("KCONFIG_") }
    let stdin = input.flatMap { FileManager.default.fileExists(atPath: $0) ? FileHandle(forReadingAtPath: $0) : nil }
    process.standardInput = stdin ?? FileHandle.nullDevice
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Small outputs: read both to the end before waiting.
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutput(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// A new temporary folder, holding a copy of `source`'s contents if given.
func temporaryFolder(copying source: String?) throws -> String {
    let folder = NSTemporaryDirectory() + "unikit-config-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    guard let source, let names = try? FileManager.default.contentsOfDirectory(atPath: source) else { return folder }
    for name in names {
        try FileManager.default.copyItem(atPath: "\(source)/\(name)", toPath: "\(folder)/\(name)")
    }
    return folder
}

func read(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

/// Every file under `root` (relative path → contents); empty when `root` is missing.
func files(under root: String) throws -> [String: String] {
    var result: [String: String] = [:]
    guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
    for case let path as String in walker {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &isFolder), !isFolder.boolValue else { continue }
        result[path] = try read("\(root)/\(path)")
    }
    return result
}
