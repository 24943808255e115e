/// How to boot an image.
public struct LoaderOptions: Sendable {
    /// Bytes of guest RAM: a multiple of 2 MiB, from 4 MiB to 64 GiB.
    public var memorySize: Int = 32 << 20
    /// The guest command line, handed over in the boot info (at most 4095 bytes, no NUL).
    public var commandLine: String = ""
    /// Where the guest's console bytes go. Not closed by the loader.
    public var consoleFD: Int32 = 1

    public init() {}
}
