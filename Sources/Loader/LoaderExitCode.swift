/// The loader process's exit status for each outcome of `unikit run`.
///
/// A guest that exits through `UNIKIT_PORT_EXIT` gives its own status (low 8
/// bits), so a guest status of 120–125 reads like one of the loader's codes;
/// the message on stderr tells them apart.
public enum LoaderExitCode {
    /// The guest could not be started: bad image or options, `/dev/kvm`
    /// unavailable, or a host failure (`LoaderError`).
    public static let setupFailed: Int32 = 120
    /// The guest crashed: triple fault (`KVM_EXIT_SHUTDOWN`), or `hlt` it can
    /// never wake from (interrupts off, or no interrupt source).
    public static let guestCrashed: Int32 = 121
    /// KVM could not go on: internal error (incl. emulation failure), failed
    /// VM entry, `KVM_RUN` failure, unexpected exit reason.
    public static let kvmError: Int32 = 122
    /// The guest touched an I/O port or MMIO address no device answers.
    public static let unhandledAccess: Int32 = 123
    /// The guest still ran when `--timeout` expired (as timeout(1) reports it).
    public static let timeout: Int32 = 124
    /// The guest made a request a device must refuse (console buffer outside
    /// RAM, oversized write, wrong access size).
    public static let invalidDeviceRequest: Int32 = 125

    /// The process status for a guest exit status: its low 8 bits.
    public static func guestStatus(_ status: Int32) -> Int32 {
        status & 0xff
    }

    /// The exit-status section of `unikit run --help`.
    public static let helpText = """
        Exit status:
          0-255  the guest's own status, written to I/O port 0xf4 (low 8 bits)
          120    the guest could not be started: bad image or options, /dev/kvm
                 unavailable, or a host error
          121    the guest crashed: triple fault, or hlt with interrupts off
          122    KVM error: internal or emulation error, failed VM entry
          123    the guest used an I/O port or MMIO address no device answers
          124    the run exceeded --timeout
          125    the guest made an invalid device request (e.g. a console
                 buffer outside guest memory)
        A guest status of 120-125 is indistinguishable by status alone; the
        message on stderr names the outcome.
        """
}
