import SystemSupport
/// The compilers and binary tools: the Swift toolchain's own `clang`,
/// `swiftc`, `ld.lld` and `llvm-objcopy`. No other cross compiler is needed.
public struct Toolchain: Sendable {
    public var binFolder: String
    public var clang: String { Path.join(binFolder, "clang") }
    public var swiftc: String { Path.join(binFolder, "swiftc") }
    public var linker: String { Path.join(binFolder, "ld.lld") }
    public var objcopy: String { Path.join(binFolder, "llvm-objcopy") }

    static let tools = ["clang", "swiftc", "ld.lld", "llvm-objcopy"]

    /// The toolchain in `UNIKIT_TOOLCHAIN` (a `bin` folder) if set, else the
    /// one whose `swiftc` is first on `PATH`.
    public static func locate(environment: [String: String]) throws -> Toolchain {
        if let folder = environment["UNIKIT_TOOLCHAIN"], !folder.isEmpty {
            return try Toolchain(checking: folder, origin: "UNIKIT_TOOLCHAIN")
        }
        let searchPath = environment["PATH"] ?? "/usr/bin:/bin"
        for folder in searchPath.split(separator: ":").map(String.init) {
            let swiftc = Path.join(folder, "swiftc")
            if FileSystem.isRegularFile(swiftc), let resolved = FileSystem.realPath(swiftc) {
                return try Toolchain(checking: Path.directory(of: resolved), origin: "the swiftc on PATH")
            }
        }
        throw BuildError("no Swift toolchain found: put its bin folder on PATH or in UNIKIT_TOOLCHAIN")
    }

    /// A toolchain in `binFolder`, taken as is (locate() checks its tools).
    public init(binFolder: String) {
        self.binFolder = binFolder
    }

    init(checking folder: String, origin: String) throws {
        for tool in Self.tools where !FileSystem.isRegularFile(Path.join(folder, tool)) {
            throw BuildError(file: folder, "the toolchain from \(origin) has no \(tool)")
        }
        binFolder = folder
    }

    /// The Unicode tables Embedded Swift's String needs for normalization
    /// and grapheme breaking, when the toolchain has them for `target`.
    /// Linked as an archive: only what the code uses enters the image.
    public func embeddedUnicodeTables(target: String) -> String? {
        let path = Path.join(Path.directory(of: binFolder), "lib/swift/embedded/\(target)/libswiftUnicodeDataTables.a")
        return FileSystem.isRegularFile(path) ? path : nil
    }
}
