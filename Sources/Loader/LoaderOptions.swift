/// How to boot an image.
public struct LoaderOptions: Sendable {
    /// Bytes of guest RAM: a multiple of 2 MiB, from 4 MiB to 64 GiB.
    public var memorySize: Int = 32 << 20
    /// The guest command line, handed over in the boot info (at most 4095 bytes, no NUL).
    public var commandLine: String = ""
    /// Where the guest's console bytes go. Not closed by the loader.
    public var consoleFD: Int32 = 1
    /// Boot through the image's PVH entry (32-bit, `XEN_ELFNOTE_PHYS32_ENTRY`)
    /// even when it has unikit's 64-bit entry. Images without the latter
    /// always boot through PVH.
    public var bootsThroughPVH = false
    /// Host files behind virtio-blk devices, in order.
    public var disks: [Disk] = []
    /// Tap interfaces behind virtio-net devices, in order (after the disks).
    public var taps: [String] = []
    /// Seconds after which a still running guest is stopped (`GuestExit.timedOut`).
    public var timeout: Double?
    /// Confine the process to the run loop's syscalls (`SyscallFilter`)
    /// before the guest's first instruction. Irreversible: for processes
    /// that only run this guest (`unikit run`), not for a test runner.
    public var confinesProcess = false
    /// Called once everything is set up (and confined), just before the
    /// guest runs: `unikit run --debug-open-after-setup` tries a forbidden
    /// syscall there.
    public var afterSetup: (@Sendable () -> Void)?

    public init() {}
}

/// A host file a guest sees as a virtio-blk disk.
public struct Disk: Sendable, Equatable {
    public var path: String
    public var readOnly: Bool

    public init(path: String, readOnly: Bool = false) {
        self.path = path
        self.readOnly = readOnly
    }
}
