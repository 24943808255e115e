import SystemPackage
import SystemSupport

/// `build/images`: what `unikit build` last built, one line per image,
/// `<platform> <runner> <file>`. `unikit run` reads it instead of loading
/// the Kconfig tree, so starting a guest costs no configuration work.
public struct ImageIndex: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var platform: String
        public var runner: Runner
        /// The image's file name inside build/.
        public var file: String

        public init(platform: String, runner: Runner, file: String) {
            self.platform = platform
            self.runner = runner
            self.file = file
        }
    }

    public static let fileName = "images"
    private static let header = "# written by `unikit build`: <platform> <runner> <image file in build/>"

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    public var text: String {
        ([Self.header] + entries.map { "\($0.platform) \($0.runner.rawValue) \($0.file)" })
            .joined(separator: "\n") + "\n"
    }

    /// Parses `text`, read from `path` (named in errors with the line).
    public init(text: String, path: String) throws(ImageIndexError) {
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: " ")
            guard fields.count == 3, let runner = Runner(rawValue: String(fields[1])),
                  !fields[2].contains("/") else {
                throw ImageIndexError(path: path, line: index + 1, "expected `<platform> <kvm|process> <file>`, got '\(line)'")
            }
            entries.append(Entry(platform: String(fields[0]), runner: runner, file: String(fields[2])))
        }
        self.entries = entries
    }

    /// Reads `build/images` from `buildFolder`; nil when there is none.
    public static func read(buildFolder: String) throws(ImageIndexError) -> ImageIndex? {
        let path = Path.join(buildFolder, fileName)
        let text: String
        do {
            text = try FileSystem.readText(path)
        } catch .noSuchFileOrDirectory {
            return nil
        } catch {
            throw ImageIndexError(path: path, "cannot read: \(error)")
        }
        return try ImageIndex(text: text, path: path)
    }

    /// Writes the index, always (its time stamp says when the last build
    /// finished, which `unikit run` compares with `.config`'s).
    public func write(buildFolder: String) throws(ImageIndexError) {
        let path = Path.join(buildFolder, Self.fileName)
        do {
            try FileSystem.write(Array(text.utf8), to: path)
        } catch {
            throw ImageIndexError(path: path, "cannot write: \(error)")
        }
    }
}

/// `build/images` cannot be read, written or parsed: `build/images:2: expected …`
/// (the form of `BuildError`).
public struct ImageIndexError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    init(path: String, line: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}
