@testable import BuildEngine

/// Runs fake commands against a `MemoryFileSystem`.
///
/// `cc SOURCE -o OBJECT -MF DEPFILE` writes the object and a depfile naming
/// the source and the headers `includes[SOURCE]` lists; `ld -o OUTPUT
/// INPUTS…` writes the output. A command whose source is in `failing`
/// fails with "SOURCE: error: broken". Commands finish in the order they
/// started.
final class FakeRunner: CommandRunner {
    let fileSystem: MemoryFileSystem
    var includes: [String: [String]] = [:]
    var failing: Set<String> = []
    /// Every command started, in order.
    private(set) var started: [[String]] = []
    /// The most commands running at once.
    private(set) var mostRunning = 0
    private var running: [(id: Int, command: [String])] = []

    init(fileSystem: MemoryFileSystem) {
        self.fileSystem = fileSystem
    }

    /// The source or output each started command named: "a.c", "app".
    var startedNames: [String] {
        started.map { $0[0] == "cc" ? $0[1] : $0[2] }
    }

    func start(_ command: [String], id: Int) throws {
        started.append(command)
        running.append((id, command))
        mostRunning = max(mostRunning, running.count)
    }

    func waitForAny() throws -> (id: Int, result: CommandResult) {
        let (id, command) = running.removeFirst()
        let value = { (flag: String) in command[command.firstIndex(of: flag)! + 1] }
        if command[0] == "cc" {
            let source = command[1]
            if failing.contains(source) { return (id, CommandResult(status: 1, output: Array("\(source): error: broken\n".utf8))) }
            fileSystem.write(value("-o"), "object of \(source)")
            fileSystem.write(value("-MF"), "\(value("-o")): \(([source] + (includes[source] ?? [])).joined(separator: " \\\n  "))\n")
        } else {
            fileSystem.write(value("-o"), "linked")
        }
        return (id, CommandResult(status: 0, output: []))
    }
}

/// A compile step the fake runner understands.
func compileStep(_ source: String, config: ConfigSymbolFiles? = nil, flags: [String] = []) -> BuildStep {
    let object = source + ".o"
    return BuildStep(label: "CC \(source)", command: ["cc", source, "-o", object, "-MF", object + ".d"] + flags,
                     inputs: [source], outputs: [object], depfile: object + ".d", configSymbols: config)
}

func linkStep(_ output: String, _ objects: [String]) -> BuildStep {
    BuildStep(label: "LD \(output)", command: ["ld", "-o", output] + objects, inputs: objects, outputs: [output])
}
