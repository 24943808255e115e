import Glibc
import SystemPackage
import SystemSupport

/// What Linux 6.1's `conf` takes from its environment (conf.c, confdata.c),
/// with its defaults. Relative paths are relative to the current folder
/// (Linux's build folder).
///
/// | variable                  | effect                                                   |
/// |---------------------------|----------------------------------------------------------|
/// | `KCONFIG_CONFIG`          | the `.config` read and written (default `.config`)       |
/// | `KCONFIG_AUTOCONFIG`, `KCONFIG_AUTOHEADER`, `KCONFIG_RUSTCCFG` | see `AutoConfigPaths` |
/// | `srctree`                 | where a relative file not found in the current folder is looked for (the root Kconfig, `.config`, defconfigs) |
/// | `KCONFIG_ALLCONFIG`       | all*config/randconfig: a file of values to keep; `1` or empty: `all{no,yes,mod,def,random}.config`, else `all.config` |
/// | `KCONFIG_DEFCONFIG_LIST`  | when `.config` is missing: the first of these files that exists is read instead |
/// | `KCONFIG_SEED`, `KCONFIG_PROBABILITY` | randconfig (see `RandomProbabilities`, `randomSeed`) |
/// | `KCONFIG_OVERWRITECONFIG` | non-empty: write `.config` in place (no `.config.old`, even when unchanged) |
/// | `KCONFIG_NOSILENTUPDATE`  | non-empty: `syncconfig` fails instead of updating a `.config` that needs it |
/// | `KCONFIG_WERROR`          | set: warnings about the input make `conf` fail           |
/// | `KCONFIG_WARN_UNKNOWN_SYMBOLS` | set: warn about names the tree does not define      |
public struct ConfSettings: Sendable {
    public var configPath = ".config"
    public var autoConfigPaths = AutoConfigPaths()
    public var sourceTree: String?
    public var allConfig: String?
    public var defconfigList: String?
    public var seed: String?
    public var probability: String?
    public var overwritesConfig = false
    public var refusesSilentUpdate = false
    public var warningsAreErrors = false
    public var warnsUnknownSymbols = false
    /// Also warn about the lines Linux skips silently (see `ConfigReadOptions`);
    /// an extension, off as in Linux.
    public var warnsSilentlySkippedLines = false
    /// `conf -s`: no `# configuration written…` messages.
    public var isSilent = false
    /// Whether the modes other than `syncconfig` create `auto.conf` and the
    /// headers when `auto.conf` is missing, as Linux's `conf` does. An
    /// extension: unikit's app folders turn it off (see the `unikit` tool).
    public var createsMissingAutoConfig = true
    /// The build folder relative paths start from; nil for the current
    /// folder, as with `conf`. An extension for running modes in-process
    /// (messages still show the paths as given).
    public var directory: String?

    public init() {}

    /// The settings `conf` would take from `environment`.
    public init(environment: [String: String]) {
        configPath = environment["KCONFIG_CONFIG"] ?? configPath
        autoConfigPaths.autoConfig = environment["KCONFIG_AUTOCONFIG"] ?? autoConfigPaths.autoConfig
        autoConfigPaths.header = environment["KCONFIG_AUTOHEADER"] ?? autoConfigPaths.header
        autoConfigPaths.rustcConfig = environment["KCONFIG_RUSTCCFG"] ?? autoConfigPaths.rustcConfig
        sourceTree = environment["srctree"]
        allConfig = environment["KCONFIG_ALLCONFIG"]
        defconfigList = environment["KCONFIG_DEFCONFIG_LIST"]
        seed = environment["KCONFIG_SEED"]
        probability = environment["KCONFIG_PROBABILITY"]
        overwritesConfig = !(environment["KCONFIG_OVERWRITECONFIG"] ?? "").isEmpty
        refusesSilentUpdate = !(environment["KCONFIG_NOSILENTUPDATE"] ?? "").isEmpty
        warningsAreErrors = environment["KCONFIG_WERROR"] != nil
        warnsUnknownSymbols = environment["KCONFIG_WARN_UNKNOWN_SYMBOLS"] != nil
    }

    var fileReader: ConfFileReader { ConfFileReader(directory: directory, sourceTree: sourceTree) }

    /// Where a path as given lies from the current folder.
    func resolve(_ path: String) -> String {
        guard let directory, !path.isEmpty else { return path }
        return Path.join(directory, path)
    }
}

/// Opens files as Linux's `zconf_fopen`: the path as given, else (when
/// relative) under `srctree`.
struct ConfFileReader {
    let directory: String?
    let sourceTree: String?

    /// The path that opens, if any (from the current folder).
    func locate(_ path: String) -> String? {
        let direct = resolve(path)
        if canOpen(direct) { return direct }
        guard !path.hasPrefix("/"), let sourceTree else { return nil }
        let inTree = resolve(Path.join(sourceTree, path))
        return canOpen(inTree) ? inTree : nil
    }

    private func resolve(_ path: String) -> String {
        guard let directory, !path.isEmpty else { return path }
        return Path.join(directory, path)
    }

    /// The text of the file, or nil when it cannot be opened.
    func read(_ path: String) -> String? {
        guard let found = locate(path), case .success(let bytes) = FileSystem.read(found) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func canOpen(_ path: String) -> Bool {
        !path.isEmpty && FileSystem.isRegularFile(path) && access(path, R_OK) == 0
    }
}
