import SystemSupport
/// The batch modes of Linux's `conf` (conf.c), as thin steps over the engine.
///
/// | mode                    | input                                          | then              |
/// |-------------------------|------------------------------------------------|-------------------|
/// | `defconfig(file)`       | the file, read as a `.config` (`conf --defconfig=FILE`); without a file, no user values | write `.config` (and header) |
/// | `olddefconfig`          | the existing `.config`, if any                 | write `.config` (and header) |
///
/// In both, whatever the input does not set takes its default — new symbols
/// silently, as `olddefconfig` does in Linux.
public enum ConfigMode: Sendable {
    case defconfig(file: String?)
    case olddefconfig
}

extension Kconfig {
    /// Runs `mode`: reads its input, resolves values, writes `.config` to
    /// `configPath` and, when `headerPath` is given, the C header.
    /// - Returns: the warnings about the input file.
    /// - Throws: `KconfigError` if a named defconfig is missing or a file cannot be written.
    @discardableResult
    public func run(_ mode: ConfigMode, configPath: String, headerPath: String? = nil) throws -> [Diagnostic] {
        let warnings = try readInput(of: mode, configPath: configPath)
        try writeConfig(path: configPath)
        if let headerPath { try writeHeader(path: headerPath) }
        return warnings
    }

    private func readInput(of mode: ConfigMode, configPath: String) throws -> [Diagnostic] {
        switch mode {
        case .defconfig(let file?):
            guard FileSystem.isRegularFile(file) else {
                throw KconfigError(file: file, line: 0, "can't find default configuration \"\(file)\"")
            }
            return try loadConfig(path: file)
        case .defconfig(nil):
            resetUserValues()
            return []
        case .olddefconfig:
            guard FileSystem.isRegularFile(configPath) else {
                resetUserValues()
                return []
            }
            return try loadConfig(path: configPath)
        }
    }
}
