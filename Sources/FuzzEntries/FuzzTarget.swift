import BuildEngine
import KconfigKit
import Loader

/// The parsers of untrusted input, each as one function of a byte string:
/// shared by the libFuzzer driver (`unikit-fuzz`) and the regression tests
/// that replay `Fuzz/regressions/<target>/` in an ordinary `swift test`.
///
/// Every input must end in errors or warnings: a trap, a hang or a stack
/// overflow in `run` is a bug in the code under test.
package enum FuzzTarget: String, CaseIterable, Sendable {
    /// A root Kconfig file (macros expanded, may `source` the in-memory
    /// `FuzzFixtures.sourceTree`), then evaluated, written out, and read
    /// back as a `.config` with every symbol set.
    case kconfig
    /// A `.config` read into `FuzzFixtures.configTree`, then written out
    /// (`.config`, header, auto.conf, savedefconfig), new symbols filled as
    /// one of the `all*config`/`randconfig`/`*2*config` modes would, and
    /// written out again.
    case config
    /// A manifest whose conditions refer to `FuzzFixtures.manifestTree`.
    case manifest
    /// A kvm image file: the loader's whole ELF validation, then, if
    /// accepted, loading into 32 MiB of guest memory (no KVM).
    case elf
    /// Guest memory holding a virtqueue's rings and buffers, served by the
    /// loader's virtio-blk device over a scratch disk (`VirtqueueCheck`).
    case virtqueue

    /// Runs one input; returns the errors and warnings it produced, as
    /// printed (so the replay tool can show them).
    @discardableResult
    package func run(_ input: [UInt8]) -> [String] {
        switch self {
        case .kconfig: Self.kconfigFile(input)
        case .config: Self.configFile(input)
        case .manifest: Self.manifestFile(input)
        case .elf: Self.elfImage(input)
        case .virtqueue: Self.virtqueue(input)
        }
    }

    /// One guest memory for every input: libFuzzer runs them one at a time.
    nonisolated(unsafe) private static let imageCheck = Result { () throws(LoaderError) in
        try ImageCheck(memorySize: 32 << 20)
    }

    nonisolated(unsafe) private static let virtqueueCheck = Result { () throws(LoaderError) in try VirtqueueCheck() }

    private static func virtqueue(_ input: [UInt8]) -> [String] {
        do { return try virtqueueCheck.get().run(input) } catch { return ["fixture: \(error)"] }
    }

    private static func elfImage(_ input: [UInt8]) -> [String] {
        let check: ImageCheck
        do { check = try imageCheck.get() } catch { return ["fixture: \(error)"] }
        return input.withUnsafeBytes { bytes in
            do {
                try check.check(bytes, name: "image")
                return []
            } catch {
                return ["\(error)"]
            }
        }
    }

    private static func kconfigFile(_ input: [UInt8]) -> [String] {
        var tree = FuzzFixtures.sourceTree
        tree["Kconfig"] = input
        let kconfig: Kconfig
        do {
            kconfig = try Kconfig(rootFile: "Kconfig", sourceTree: "", environment: FuzzFixtures.environment,
                                  shell: .refuse, files: MemoryFiles(tree))
        } catch {
            return ["\(error)"]
        }
        var messages = kconfig.warnings.map(\.description)
        exercise(kconfig)
        // The same bytes as a .config, then every symbol set as a user would.
        messages += kconfig.loadConfig(text: String(decoding: input, as: UTF8.self), fileName: ".config")
            .map(\.description)
        for (index, symbol) in kconfig.symbols.enumerated() {
            symbol.setUserValue(["y", "m", "n", "0x10", "-1", "text"][index % 6])
        }
        exercise(kconfig)
        return messages
    }

    private static func configFile(_ input: [UInt8]) -> [String] {
        let kconfig: Kconfig
        do { kconfig = try FuzzFixtures.load(FuzzFixtures.configTree) } catch { return ["fixture: \(error)"] }
        let text = String(decoding: input, as: UTF8.self)
        let result = kconfig.readConfig(text: text, fileName: ".config", options: .unikit)
        exercise(kconfig)
        // What the conf modes do after reading, on the values just read:
        // savedefconfig's minimal config, then each way of filling new symbols.
        _ = kconfig.minimalConfigText()
        let fill = input.reduce(UInt32(0)) { $0 &* 31 &+ UInt32($1) }
        switch fill % 5 {
        case 0: kconfig.setNewSymbols(to: .yes)
        case 1: kconfig.setNewSymbols(to: .module)
        case 2: kconfig.setNewSymbols(to: .no)
        case 3: kconfig.rewriteTristates(from: .yes, to: .module)
        default: kconfig.randomizeNewSymbols(seed: fill, probabilities: RandomProbabilities())
        }
        exercise(kconfig)
        return (kconfig.warnings + result.warnings).map(\.description)
    }

    private static func manifestFile(_ input: [UInt8]) -> [String] {
        let kconfig: Kconfig
        do { kconfig = try FuzzFixtures.load(FuzzFixtures.manifestTree) } catch { return ["fixture: \(error)"] }
        kconfig.loadConfig(text: FuzzFixtures.manifestConfig, fileName: ".config")
        let parser = ManifestParser(file: "Manifest") { text, line in
            try kconfig.parseExpression(text, file: "Manifest", line: line)
        }
        do {
            let manifest = try parser.parse(String(decoding: input, as: UTF8.self))
            for entry in manifest.entries {
                _ = entry.condition.map { kconfig.evaluate($0) }
                _ = entry.condition?.description
            }
            return kconfig.warnings.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    /// What a front end does with a loaded tree: values, visibility, output.
    private static func exercise(_ kconfig: Kconfig) {
        for symbol in kconfig.symbols + kconfig.choices {
            _ = symbol.value
        }
        var pending = [kconfig.rootMenu]
        while let node = pending.popLast() {
            _ = node.isVisible
            pending += node.children
        }
        _ = kconfig.configText()
        _ = kconfig.headerText()
        _ = kconfig.autoConfigText()
        _ = kconfig.rustcConfigText()
    }
}
