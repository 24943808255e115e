import SystemPackage

import SystemSupport
/// A build failure the user can act on: the message names the file and line
/// when there is one ("Libraries/foo/Manifest:3: unknown key 'sorces'").
public struct BuildError: Error, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// A failed file operation on `path`: "path: cannot read: No such file or directory".
    init(path: String, _ operation: String, _ error: Errno) {
        self.init(file: path, "cannot \(operation): \(error)")
    }

    public var description: String {
        switch (file, line) {
        case let (file?, line?): "\(file):\(line): \(message)"
        case let (file?, nil): "\(file): \(message)"
        default: message
        }
    }
}
