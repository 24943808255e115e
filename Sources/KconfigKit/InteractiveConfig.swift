import SystemSupport

/// What Linux's interactive front ends (mconf, nconf) do around their UI:
/// read the configuration as `conf_read(NULL)` (`.config`, else the first
/// file of `KCONFIG_DEFCONFIG_LIST`), load another file, and save as
/// `conf_write` followed by `conf_write_autoconf(0)` (auto.conf and the
/// headers only when missing, and only if the settings allow it).
///
/// Messages (`configuration written to …`, warnings about ignored lines)
/// are collected for the UI to show instead of being printed.
public final class InteractiveConfig {
    public let kconfig: Kconfig
    private var settings: ConfSettings
    /// The `.config` text last read or written: unsaved changes differ from it.
    private var savedText: String
    /// Whether the file read needs rewriting even without a change (stale values).
    private var readWasStale: Bool
    /// Warnings and messages since the last `takeMessages()`.
    private var messages: [String] = []

    /// Reads the configuration, as `mconf` does at start.
    public init(kconfig: Kconfig, settings: ConfSettings) {
        self.kconfig = kconfig
        self.settings = settings
        let console = BufferConsole()
        let session = ConfSession(mode: .olddefconfig, settings: settings, console: console)
        // Only KCONFIG_WERROR makes reading fail; its warnings are kept either way.
        try? session.readInput(kconfig)
        readWasStale = session.isChanged
        savedText = kconfig.configText()
        messages = Self.lines(console)
    }

    /// Where `save()` writes, as given (relative to the build folder).
    public var configName: String { settings.configPath }

    /// Whether saving would write something new (Linux's `conf_get_changed`).
    public var hasUnsavedChanges: Bool { readWasStale || kconfig.configText() != savedText }

    /// Replaces every value by those of `file`; later saves go to `file`
    /// (mconf's Load). - Returns: false when the file cannot be read.
    public func load(_ file: String) -> Bool {
        var fileSettings = settings
        fileSettings.configPath = file
        fileSettings.defconfigList = nil
        guard FileSystem.exists(fileSettings.resolve(file)), !FileSystem.isDirectory(fileSettings.resolve(file)) else {
            messages.append("\(file): no such file")
            return false
        }
        let console = BufferConsole()
        let session = ConfSession(mode: .olddefconfig, settings: fileSettings, console: console)
        try? session.readInput(kconfig)
        settings = fileSettings
        readWasStale = session.isChanged
        savedText = kconfig.configText()
        messages += Self.lines(console)
        return true
    }

    /// Writes the configuration to `file` (default: the current one), which
    /// becomes the current one. - Returns: false when writing failed.
    public func save(as file: String? = nil) -> Bool {
        var fileSettings = settings
        if let file { fileSettings.configPath = file }
        let console = BufferConsole()
        let session = ConfSession(mode: .olddefconfig, settings: fileSettings, console: console)
        let written = (try? session.writeOutput(kconfig, writesConfig: true)) != nil
        messages += Self.lines(console)
        guard written else { return false }
        settings = fileSettings
        readWasStale = false
        savedText = kconfig.configText()
        return true
    }

    /// The messages collected since the last call, one per line.
    public func takeMessages() -> [String] {
        defer { messages = [] }
        return messages
    }

    /// The lines of what conf would have printed, without the `#` frames
    /// of its notes (`#`, `# configuration written to .config`, `#`).
    private static func lines(_ console: BufferConsole) -> [String] {
        (console.errors + console.output).split(separator: "\n").compactMap { line in
            let text = line.hasPrefix("# ") ? line.dropFirst(2) : line
            return text == "#" || text.isEmpty ? nil : String(text)
        }
    }
}
