import KconfigKit

/// A component's build description: what a `Manifest` file says.
///
/// Each entry is `key [if EXPR]: values`, where EXPR is a Kconfig expression
/// and values are blank-separated words; see `ManifestParser` for the syntax
/// and `ManifestKey` for the keys.
public struct Manifest {
    /// One `key [if condition]: values` line and its continuation lines.
    public struct Entry {
        public var key: ManifestKey
        public var condition: Expression?
        public var values: [String]
        public var line: Int
    }

    /// The manifest file, as given to the parser (used in messages).
    public var file: String
    public var entries: [Entry]

    /// The values of `key` from the entries whose condition holds, in order.
    func values(of key: ManifestKey, where holds: (Expression) -> Bool) -> [(value: String, line: Int)] {
        entries.filter { $0.key == key && ($0.condition.map(holds) ?? true) }
            .flatMap { entry in entry.values.map { ($0, entry.line) } }
    }
}

/// The keys a manifest may use.
public enum ManifestKey: String, CaseIterable, Sendable {
    // What one component contributes.
    case sources                          // C (.c), assembly (.S) and Swift (.swift) files
    case includes                         // header folders, visible to every component of the image
    case cflags                           // flags for this component's C and assembly files
    case swiftflags                       // flags for this component's Swift module
    case swiftBridgingHeader = "swift-bridging-header" // the C header the Swift module imports
    case swiftModule = "swift-module"     // the Swift module's name (default: from the folder's)

    // What applies to the whole image (usually from the architecture or a platform).
    case target                           // the target triple
    case globalCflags = "global-cflags"   // flags for every C and assembly file
    case globalSwiftflags = "global-swiftflags" // flags for every Swift module
    case ldflags                          // flags for the linker
    case linkerScript = "linker-script"   // the linker script
    case runner                           // how `unikit run` starts the image: "kvm" or "process"
    case packaging                        // what `unikit build` makes of the linked image (default "elf")

    /// Keys taking exactly one value.
    var isSingleValued: Bool {
        switch self {
        case .swiftBridgingHeader, .swiftModule, .target, .linkerScript, .runner, .packaging: true
        default: false
        }
    }

    /// Keys whose values are paths relative to the component's folder.
    var isPath: Bool {
        switch self {
        case .sources, .includes, .swiftBridgingHeader, .linkerScript: true
        default: false
        }
    }
}
