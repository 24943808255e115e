/// What a device tells the run loop after handling an access.
enum DeviceResponse: Equatable {
    /// Handled; run the guest on.
    case resume
    /// The guest asked to stop with this status.
    case exit(status: Int32)
    /// The guest's request is malformed; the run ends with this reason.
    case invalidRequest(String)
}

/// A device on the guest's I/O-port or MMIO bus. The run loop keeps one
/// list of devices and hands each access to the first that claims it; an
/// access no device claims ends the run. Devices must treat every value from
/// the guest as hostile, and throw only for host failures.
protocol Device: AnyObject {
    /// Short name for messages: `console`, `exit`, `COM1`.
    var name: String { get }

    /// Whether this device answers I/O port `port`.
    func claims(port: UInt16) -> Bool
    /// Handles `access`. `data` holds `access.size * access.count` bytes:
    /// the guest's for a write, to be filled for a read.
    func handle(_ access: PortAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse

    /// Whether this device answers MMIO `address`.
    func claims(mmio address: GuestPhysicalAddress) -> Bool
    /// Handles `access`; `data` holds `access.length` bytes, as for ports.
    func handle(_ access: MMIOAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse
}

extension Device {
    func claims(port: UInt16) -> Bool { false }
    func handle(_ access: PortAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse {
        .invalidRequest("\(name) has no I/O ports")
    }
    func claims(mmio address: GuestPhysicalAddress) -> Bool { false }
    func handle(_ access: MMIOAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse {
        .invalidRequest("\(name) has no MMIO registers")
    }
}

extension PortAccess {
    /// `outl`, `inb`, `rep outsb`…: the instruction, for messages.
    var mnemonic: String {
        let suffix = size == 1 ? "b" : size == 2 ? "w" : "l"
        return count > 1 ? "rep \(isWrite ? "outs" : "ins")\(suffix)" : "\(isWrite ? "out" : "in")\(suffix)"
    }
}
