/// The modes of Linux 6.1's `conf` (scripts/kconfig/conf.c), by its names.
/// `Conf.run` runs them as `conf --MODE` does; each is a few steps over the
/// engine.
///
/// | mode            | input                                   | then                                          | writes |
/// |-----------------|-----------------------------------------|-----------------------------------------------|--------|
/// | `oldaskconfig`  | `.config`                               | asks every visible entry, then as `oldconfig` | `.config` |
/// | `oldconfig`     | `.config`                               | asks only new symbols (`OldConfigDialog`)     | `.config` |
/// | `syncconfig`    | `.config`                               | as `oldconfig`; no messages                   | `.config` if changed, and always `auto.conf`, headers, stamps |
/// | `olddefconfig`  | `.config`                               | new symbols take their defaults               | `.config` |
/// | `defconfig`     | FILE                                    | the rest take their defaults                  | `.config` |
/// | `savedefconfig` | `.config`                               | —                                             | FILE: the minimal config (`MinimalConfig`), not `.config` |
/// | `allnoconfig`, `allyesconfig`, `allmodconfig`, `alldefconfig` | `KCONFIG_ALLCONFIG`, if set | new bool/tristate symbols `n`/`y`/`m`/default (`NewSymbols`) | `.config` |
/// | `randconfig`    | `KCONFIG_ALLCONFIG`, if set             | new bool/tristate symbols random (`RandomConfig`) | `.config` |
/// | `listnewconfig` | `.config`                               | prints the new symbols (`NewConfigList`)      | nothing |
/// | `helpnewconfig` | `.config`                               | prints their help                             | nothing |
/// | `yes2modconfig`, `mod2yesconfig`, `mod2noconfig` | `.config` | tristate user values `y`→`m`, `m`→`y`, `m`→`n` | `.config` |
///
/// `.config` is `KCONFIG_CONFIG` (see `ConfSettings`). A missing `.config`
/// reads as empty (or as the first file of `KCONFIG_DEFCONFIG_LIST`). Every
/// mode that writes `.config` also creates `auto.conf` and the headers
/// when `auto.conf` is missing (`AutoConfigWriter`), as Linux's does.
public enum ConfigMode: Equatable, Sendable {
    case oldaskconfig, oldconfig, syncconfig, olddefconfig
    case defconfig(file: String)
    case savedefconfig(file: String)
    case allnoconfig, allyesconfig, allmodconfig, alldefconfig, randconfig
    case listnewconfig, helpnewconfig
    case yes2modconfig, mod2yesconfig, mod2noconfig

    /// Every mode's name, as `conf --NAME` spells it.
    public static let names = [
        "oldaskconfig", "oldconfig", "syncconfig", "olddefconfig", "defconfig", "savedefconfig",
        "allnoconfig", "allyesconfig", "allmodconfig", "alldefconfig", "randconfig",
        "listnewconfig", "helpnewconfig", "yes2modconfig", "mod2yesconfig", "mod2noconfig",
    ]

    /// The mode called `name`; `defconfig` and `savedefconfig` need `file`, the others refuse one.
    public init?(name: String, file: String?) {
        switch (name, file) {
        case ("defconfig", let file?): self = .defconfig(file: file)
        case ("savedefconfig", let file?): self = .savedefconfig(file: file)
        case (_, nil):
            guard let mode = Self.withoutFile[name] else { return nil }
            self = mode
        default: return nil
        }
    }

    private static let withoutFile: [String: ConfigMode] = [
        "oldaskconfig": .oldaskconfig, "oldconfig": .oldconfig, "syncconfig": .syncconfig,
        "olddefconfig": .olddefconfig, "allnoconfig": .allnoconfig, "allyesconfig": .allyesconfig,
        "allmodconfig": .allmodconfig, "alldefconfig": .alldefconfig, "randconfig": .randconfig,
        "listnewconfig": .listnewconfig, "helpnewconfig": .helpnewconfig, "yes2modconfig": .yes2modconfig,
        "mod2yesconfig": .mod2yesconfig, "mod2noconfig": .mod2noconfig,
    ]

    /// Whether the mode takes a FILE argument.
    public static func needsFile(_ name: String) -> Bool { name == "defconfig" || name == "savedefconfig" }

    /// For `KCONFIG_ALLCONFIG=1`: the file tried before `all.config`.
    var allConfigFileName: String? {
        switch self {
        case .allnoconfig: "allno.config"
        case .allyesconfig: "allyes.config"
        case .allmodconfig: "allmod.config"
        case .alldefconfig: "alldef.config"
        case .randconfig: "allrandom.config"
        default: nil
        }
    }

    /// Whether the input is `.config` (Linux's `conf_read(NULL)`).
    var readsCurrentConfig: Bool {
        switch self {
        case .oldaskconfig, .oldconfig, .syncconfig, .olddefconfig, .savedefconfig, .listnewconfig, .helpnewconfig,
             .yes2modconfig, .mod2yesconfig, .mod2noconfig: true
        default: false
        }
    }
}

extension Kconfig {
    /// Linux's `conf_rewrite_tristates`: every tristate whose user value is
    /// `old` gets `new` (`yes2modconfig`, `mod2yesconfig`, `mod2noconfig`).
    /// Symbols acting as bools (modules off, `y`-visible choice members) keep theirs.
    public func rewriteTristates(from old: Tristate, to new: Tristate) {
        let ordered = symbolsAndChoicesInLinuxOrder
        // Linux decides every type from the values read, before changing any.
        ordered.forEach { $0.calculate() }
        for symbol in ordered where symbol.effectiveType == .tristate && symbol.user.tristate == old {
            symbol.user.tristate = new
        }
        invalidateValues()
    }
}

extension Kconfig {
    /// Runs a mode that needs no dialog, quietly, with unikit's `.config`
    /// checks (`ConfigReadOptions.unikit`): reads its input, applies it,
    /// writes `configPath` and, when given, the C header at `headerPath`
    /// (no `auto.conf`).
    /// - Returns: the warnings about the input.
    /// - Throws: `KconfigError` naming the file when a mode's input is
    ///   missing or a file cannot be written.
    @discardableResult
    public func run(_ mode: ConfigMode, configPath: String, headerPath: String? = nil) throws -> [Diagnostic] {
        var settings = ConfSettings()
        settings.configPath = configPath
        settings.isSilent = true
        settings.createsMissingAutoConfig = false
        settings.warnsUnknownSymbols = true
        settings.warnsSilentlySkippedLines = true
        let console = BufferConsole()
        let session = ConfSession(mode: mode, settings: settings, console: console)
        do {
            try session.run(on: self)
        } catch {
            let file = if case .defconfig(let file) = mode { file } else { configPath }
            throw KconfigError(file: file, line: 0, console.errors.trimmingStars)
        }
        if let headerPath { try writeHeader(path: headerPath) }
        return session.warnings
    }
}

extension String {
    /// A `conf` error without its `***` frame and blank lines.
    fileprivate var trimmingStars: String {
        split(separator: "\n").map { $0.drop { $0 == "*" || $0 == " " } }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
