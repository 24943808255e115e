/// How a guest run ended. Every case but `exited` is a fault; each carries
/// what the one-line `description` shows and maps to a `LoaderExitCode`.
public enum GuestExit: Sendable, Equatable, CustomStringConvertible {
    /// The guest wrote its status to `UNIKIT_PORT_EXIT`.
    case exited(status: Int32)
    /// Triple fault: `KVM_EXIT_SHUTDOWN`.
    case tripleFault(VCPUState)
    /// `hlt` that nothing can end: with interrupts off, or on (no device of
    /// this VM raises interrupts yet).
    case halted(interruptsEnabled: Bool, VCPUState)
    /// `KVM_EXIT_INTERNAL_ERROR`; suberror 1 is an emulation failure.
    case internalError(suberror: UInt32, VCPUState)
    /// `KVM_EXIT_FAIL_ENTRY` with the hardware's reason code.
    case failedEntry(hardwareReason: UInt64, VCPUState)
    /// `KVM_RUN` failed with this error message.
    case runFailed(String)
    /// An exit reason this VM's configuration never asks for.
    case unexpectedExit(reason: UInt32, VCPUState)
    /// A port or MMIO access no device answers.
    case unhandledAccess(BusAccess, VCPUState)
    /// A device refused a malformed guest request.
    case invalidDeviceRequest(device: String, reason: String, VCPUState)
    /// The guest still ran when `LoaderOptions.timeout` seconds had passed.
    case timedOut(seconds: Double, VCPUState)

    /// The loader process's exit status for this outcome.
    public var exitCode: Int32 {
        switch self {
        case .exited(let status): LoaderExitCode.guestStatus(status)
        case .tripleFault, .halted: LoaderExitCode.guestCrashed
        case .internalError, .failedEntry, .runFailed, .unexpectedExit: LoaderExitCode.kvmError
        case .unhandledAccess: LoaderExitCode.unhandledAccess
        case .invalidDeviceRequest: LoaderExitCode.invalidDeviceRequest
        case .timedOut: LoaderExitCode.timeout
        }
    }

    /// One line: the outcome, the KVM exit reason, and for faults the registers.
    public var description: String {
        switch self {
        case .exited(let status):
            "guest exited with status \(status)"
        case .tripleFault(let cpu):
            "guest crashed: triple fault (KVM_EXIT_SHUTDOWN): \(cpu)"
        case .halted(false, let cpu):
            "guest crashed: hlt with interrupts disabled can never resume (KVM_EXIT_HLT): \(cpu)"
        case .halted(true, let cpu):
            "guest crashed: hlt waits for an interrupt, but no device of this VM raises one (KVM_EXIT_HLT): \(cpu)"
        case .internalError(let suberror, let cpu):
            "KVM internal error (KVM_EXIT_INTERNAL_ERROR), suberror \(suberror)\(Self.explain(suberror: suberror)): \(cpu)"
        case .failedEntry(let reason, let cpu):
            "KVM could not enter the guest (KVM_EXIT_FAIL_ENTRY), hardware reason \(hex(reason)): \(cpu)"
        case .runFailed(let message):
            "KVM_RUN failed: \(message)"
        case .unexpectedExit(let reason, let cpu):
            "unexpected KVM exit reason \(reason)\(KVMExitReason.name(reason).map { " (\($0))" } ?? ""): \(cpu)"
        case .unhandledAccess(let access, let cpu):
            "unhandled \(access) (\(access.space == .port ? "KVM_EXIT_IO" : "KVM_EXIT_MMIO")): \(cpu)"
        case .invalidDeviceRequest(let device, let reason, let cpu):
            "invalid \(device) request: \(reason): \(cpu)"
        case .timedOut(let seconds, let cpu):
            "\(Self.timeoutMessage(seconds: seconds)): \(cpu)"
        }
    }

    /// `guest stopped: still running after --timeout 2s`, for KVM and linuxu runs alike.
    public static func timeoutMessage(seconds: Double) -> String {
        let text = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return "guest stopped: still running after --timeout \(text)s"
    }

    private static func explain(suberror: UInt32) -> String {
        switch suberror {
        case 1: " (emulation failure; on PVM the instruction emulator has no SSE/AVX/XSAVE: build guests with -mgeneral-regs-only)"
        case 2: " (exception while delivering an exception)"
        case 3: " (exit during event delivery)"
        case 4: " (unexpected exit reason)"
        default: ""
        }
    }
}

/// One guest access to an I/O port or a guest-physical address.
public struct BusAccess: Sendable, Equatable, CustomStringConvertible {
    public enum Space: Sendable { case port, memory }

    public var space: Space
    public var address: UInt64
    /// Bytes per access: 1, 2 or 4 for ports, 1 to 8 for MMIO.
    public var size: Int
    public var isWrite: Bool
    /// The value written (little-endian), nil for reads.
    public var value: UInt64?

    public init(space: Space, address: UInt64, size: Int, isWrite: Bool, value: UInt64? = nil) {
        self.space = space
        self.address = address
        self.size = size
        self.isWrite = isWrite
        self.value = value
    }

    /// `I/O port write of 0x2a (1 byte) to 0x1234`, `MMIO read (4 bytes) from 0x2000000`.
    public var description: String {
        let kind = space == .port ? "I/O port" : "MMIO"
        let bytes = size == 1 ? "1 byte" : "\(size) bytes"
        if isWrite {
            return "\(kind) write of \(hex(value ?? 0)) (\(bytes)) to \(hex(address))"
        }
        return "\(kind) read (\(bytes)) from \(hex(address))"
    }
}
