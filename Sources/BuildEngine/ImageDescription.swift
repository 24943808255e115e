import BuiltImages

/// One image to build: its components and what their manifests say under
/// the image's configuration.
public struct ImageDescription {
    /// One component's contribution.
    public struct Part {
        public var component: Component
        public var sources: [String]          // absolute paths
        public var includes: [String]         // absolute paths
        public var cflags: [String]
        public var swiftflags: [String]
        public var swiftBridgingHeader: String?
        public var swiftModule: String

        public var swiftSources: [String] { sources.filter { $0.hasSuffix(".swift") } }
        public var cSources: [String] { sources.filter { !$0.hasSuffix(".swift") } }
    }

    /// "<app>_<platform>-<arch>", the image file's name.
    public var name: String
    /// "<platform>-<arch>", the image's build sub-folder.
    public var variant: String
    public var platform: Component
    public var architecture: Component
    /// In link order: architecture, shared platform code, platform, libraries, application.
    public var parts: [Part]
    public var target: String
    public var globalCflags: [String]
    public var globalSwiftflags: [String]
    public var ldflags: [String]
    public var linkerScript: String
    public var runner: Runner
    public var packaging: Packaging
    /// The bytes of `unikit/config.h` for this image.
    public var configHeader: String

    /// Every folder of exported headers, in component order.
    public var includes: [String] { parts.flatMap(\.includes) }
}
