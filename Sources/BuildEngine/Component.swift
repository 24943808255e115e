/// A folder that contributes to images: an architecture, the code shared by
/// all platforms, a platform, a library, or the application.
public struct Component {
    public enum Kind: Sendable {
        case architecture   // Platforms/Arch/<name>, enabled by ARCH_<NAME>
        case platformCommon // Platforms/common, in every image
        case platform       // Platforms/<name>, enabled by PLAT_<NAME>; one image each
        case library        // Libraries/<name>, enabled by LIB<NAME>
        case application    // the app folder, in every image
    }

    public var kind: Kind
    /// The folder's name ("ukboot", "kvm", "helloworld").
    public var name: String
    /// The folder, as an absolute path.
    public var folder: String
    public var manifest: Manifest

    /// The Kconfig symbol that puts this component into an image, nil when
    /// it is always in. Derived from the folder name, so that adding a
    /// library or platform is adding a folder: "hello-world" → "HELLO_WORLD".
    public var symbolName: String? {
        let suffix = String(name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        switch kind {
        case .architecture: return "ARCH_" + suffix
        case .platform: return "PLAT_" + suffix
        case .library: return "LIB" + suffix
        case .platformCommon, .application: return nil
        }
    }
}
