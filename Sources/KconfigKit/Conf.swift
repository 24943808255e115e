import Glibc
import SystemSupport

/// Linux 6.1's `conf` program (conf.c's `main`): a mode over a Kconfig tree,
/// its environment (`ConfSettings`), and stdin/stdout/stderr (`ConfConsole`).
///
/// | step | what happens | fails with (stderr, status 1) |
/// |------|--------------|-------------------------------|
/// | seed | `randconfig` prints `KCONFIG_SEED=0x…` first | — |
/// | parse | the root Kconfig as given, else under `srctree` | `can't find file NAME`, parse errors |
/// | read | the mode's input (`ConfigMode`); ignored lines warn `FILE:LINE:warning: …` | missing defconfig / `KCONFIG_ALLCONFIG` file; any warning with `KCONFIG_WERROR` |
/// | apply | the mode's step; each time a value forced by `select` against its dependencies is computed, `WARNING: unmet direct dependencies detected for …` | bad `KCONFIG_PROBABILITY`; `syncconfig` with `KCONFIG_NOSILENTUPDATE` and a changed configuration; any unmet-dependency warning with `KCONFIG_WERROR` |
/// | write | `.config` (`# configuration written to .config` or `# No change to .config` on stdout), then `auto.conf` and headers if missing (always for `syncconfig`); `savedefconfig` writes only its file | unwritable files |
public enum Conf {
    /// Runs `conf --MODE kconfigFile`.
    /// - Parameter environment: the variables `$(NAME)` in Kconfig files expand from.
    /// - Returns: the exit status `conf` would return.
    public static func run(_ mode: ConfigMode, kconfigFile: String, environment: [String: String],
                           settings: ConfSettings, console: ConfConsole) -> Int32 {
        let session = ConfSession(mode: mode, settings: settings, console: console)
        do {
            if mode == .randconfig { session.announceSeed() }
            let kconfig = try session.parse(kconfigFile, environment: environment)
            if settings.keepsTreeAtExit { _ = Unmanaged.passRetained(kconfig) }
            try session.run(on: kconfig)
            return 0
        } catch {
            return error.status
        }
    }

    /// Parses the tree as `conf` does before its mode (messages go to
    /// `console`), for front ends that work on the tree themselves.
    /// - Returns: nil when parsing failed (the reason is printed).
    public static func parse(_ kconfigFile: String, environment: [String: String], settings: ConfSettings,
                             console: ConfConsole) -> Kconfig? {
        let session = ConfSession(mode: .olddefconfig, settings: settings, console: console)
        guard let kconfig = try? session.parse(kconfigFile, environment: environment) else { return nil }
        if settings.keepsTreeAtExit { _ = Unmanaged.passRetained(kconfig) }
        return kconfig
    }

    /// Runs a mode on an already parsed tree, as on a freshly parsed one:
    /// user values set before are forgotten first.
    public static func run(_ mode: ConfigMode, on kconfig: Kconfig, settings: ConfSettings,
                           console: ConfConsole) -> Int32 {
        let session = ConfSession(mode: mode, settings: settings, console: console)
        do {
            if mode == .randconfig { session.announceSeed() }
            try session.run(on: kconfig)
            return 0
        } catch {
            return error.status
        }
    }
}

/// `conf` stops with this status; its message is already printed.
struct ConfExit: Error {
    var status: Int32 = 1
}

/// The state of one `conf` run.
final class ConfSession {
    let mode: ConfigMode
    let settings: ConfSettings
    let console: ConfConsole
    /// How `.config` lines are checked (Linux's rules unless the settings add warnings).
    let options: ConfigReadOptions
    /// Linux's `conf_get_changed()` after reading (parsing sets it; reading
    /// a `.config` or defconfig starts it afresh).
    var isChanged = true
    /// The warnings about the input.
    var warnings: [Diagnostic] = []
    /// How many "unmet direct dependencies" warnings were printed (Linux's `sym_warnings`).
    var unmetDependencyCount = 0
    /// The values' generation after reading: a later one means Linux's
    /// `sym_clear_all_valid` ran, which marks the configuration as changed.
    var readGeneration = 0
    var seed: UInt32 = 0

    init(mode: ConfigMode, settings: ConfSettings, console: ConfConsole) {
        self.mode = mode
        self.settings = settings
        self.console = console
        options = ConfigReadOptions(warnsUnknownSymbols: settings.warnsUnknownSymbols,
                                    warnsSilentlySkippedLines: settings.warnsSilentlySkippedLines)
    }

    /// Linux's `set_randconfig_seed`: `KCONFIG_SEED`, else the time.
    func announceSeed() {
        if let fixed = randomSeed(environmentValue: settings.seed) {
            seed = fixed
        } else {
            var now = timeval()
            gettimeofday(&now, nil)
            seed = UInt32(truncatingIfNeeded: (Int(now.tv_sec) &+ 1) &* (Int(now.tv_usec) &+ 1))
        }
        console.print("KCONFIG_SEED=0x\(String(seed, radix: 16, uppercase: true))\n")
    }

    /// Parses the tree, found as `zconf_fopen` finds it; warnings go to stderr.
    func parse(_ kconfigFile: String, environment: [String: String]) throws(ConfExit) -> Kconfig {
        guard let found = settings.fileReader.locate(kconfigFile) else {
            console.printError("can't find file \(kconfigFile)\n")
            throw ConfExit()
        }
        // `source` paths are taken relative to srctree: keep the name as given
        // when it means the same file there, so that messages match conf's.
        let tree = settings.sourceTree.map(settings.resolve) ?? settings.directory ?? ""
        let sameFile = FileSystem.realPath(Path.join(tree, kconfigFile)) == FileSystem.realPath(found)
        let root = sameFile ? kconfigFile : FileSystem.realPath(found) ?? found
        do {
            let kconfig = try Kconfig(rootFile: root, sourceTree: tree, environment: environment, shell: settings.shell)
            kconfig.infoMessages.forEach { console.print($0 + "\n") }
            kconfig.warnings.forEach { console.printError("\($0)\n") }
            return kconfig
        } catch {
            console.printError("\(error)\n")
            throw ConfExit()
        }
    }

    /// Reads, applies and writes, as `main` after `conf_parse`.
    func run(on kconfig: Kconfig) throws(ConfExit) {
        // As after conf_parse: no user value, nothing computed yet.
        for symbol in kconfig.allChoicesAndSymbols {
            symbol.clearUserValue()
            symbol.invalidate()
        }
        kconfig.evaluation.unmetDependencyObserver = { [console] symbol in
            console.printError("\nWARNING: \(symbol.unmetDependencyReport)\n")
            self.unmetDependencyCount += 1
        }
        defer { kconfig.evaluation.unmetDependencyObserver = nil }
        try readInput(kconfig)
        readGeneration = kconfig.evaluation.generation
        var writesConfig = true
        if mode == .syncconfig && settings.refusesSilentUpdate {
            guard !isChanged else {
                console.printError(ConfMessages.needsExplicitUpdate)
                throw ConfExit()
            }
            writesConfig = false
        }
        try apply(to: kconfig)
        if settings.warningsAreErrors && unmetDependencyCount > 0 { throw ConfExit() }
        try writeOutput(kconfig, writesConfig: writesConfig)
    }

    /// The mode's own step.
    private func apply(to kconfig: Kconfig) throws(ConfExit) {
        switch mode {
        case .allnoconfig: kconfig.setNewSymbols(to: .no)
        case .allyesconfig: kconfig.setNewSymbols(to: .yes)
        case .allmodconfig: kconfig.setNewSymbols(to: .module)
        case .alldefconfig, .defconfig: kconfig.setNewSymbols(to: .defaults)
        case .randconfig:
            guard let probabilities = try? RandomProbabilities(environmentValue: settings.probability) else {
                console.printError(ConfMessages.probabilityOutOfRange)
                throw ConfExit()
            }
            kconfig.randomizeNewSymbols(seed: seed, probabilities: probabilities)
        case .yes2modconfig: kconfig.rewriteTristates(from: .yes, to: .module)
        case .mod2yesconfig: kconfig.rewriteTristates(from: .module, to: .yes)
        case .mod2noconfig: kconfig.rewriteTristates(from: .module, to: .no)
        case .oldaskconfig, .oldconfig, .syncconfig:
            OldConfigDialog(kconfig: kconfig, console: console, asksEverything: mode == .oldaskconfig).run()
        case .listnewconfig: console.print(kconfig.newSymbolsList())
        case .helpnewconfig: console.print(kconfig.newSymbolsHelp())
        case .olddefconfig, .savedefconfig: break
        }
    }

    /// `conf_message`, unless silenced (`-s`, and always in `syncconfig`).
    func note(_ text: String) {
        if !settings.isSilent && mode != .syncconfig { console.print(ConfMessages.note(text)) }
    }
}

extension Error {
    /// The exit status of a `ConfExit`, 1 for anything else.
    fileprivate var status: Int32 { (self as? ConfExit)?.status ?? 1 }
}
