/// Where the IOAPIC sends interrupts: the local APICs, as APIC bus messages
/// (MSI address and data). `VirtualMachine` sends them with `KVM_SIGNAL_MSI`.
protocol APICBus: AnyObject {
    func send(address: UInt64, data: UInt32) throws(LoaderError)
}

/// The I/O APIC at 0xfec00000, as on every PC and on QEMU microvm, in front
/// of the split irqchip's in-kernel local APIC: 24 pins, each routed by a
/// redirection entry the guest writes through IOREGSEL and IOWIN. All pins
/// start masked. A pin's rise, or an unmask while it is high, sends one
/// message with the entry's vector, delivery mode and destination.
///
/// Every pin is delivered as an edge, whatever its entry's trigger mode:
/// devices here raise lines only on the vCPU's thread, during an exit, and a
/// guest's handler lowers its line (acknowledging the device) before its
/// EOI, so no rise is missed and there is nothing for a remote IRR to hold.
final class IOAPIC: Device {
    static let base = GuestPhysicalAddress(0xfec0_0000)
    static let windowSize: UInt64 = 0x1000
    static let pinCount = 24

    // Register window offsets and indirect registers.
    private static let selectOffset: UInt64 = 0x00
    private static let windowOffset: UInt64 = 0x10
    private static let firstRedirection: UInt32 = 0x10
    private static let version: UInt32 = 0x11 | UInt32(pinCount - 1) << 16

    // Redirection entry bits; delivery status (12) and remote IRR (14) always read 0.
    private static let masked: UInt64 = 1 << 16
    private static let writable: UInt64 = ~(1 << 12 | 1 << 14)

    let name = "IOAPIC"
    private let bus: any APICBus
    private var selected: UInt32 = 0
    private var id: UInt32 = 0
    private var entries = [UInt64](repeating: IOAPIC.masked, count: IOAPIC.pinCount)
    private var high = [Bool](repeating: false, count: IOAPIC.pinCount)

    /// One pin, as a device holds it.
    struct Line {
        let controller: IOAPIC
        let pin: Int

        func set(high: Bool) throws(LoaderError) { try controller.setLine(pin, high: high) }
    }

    init(bus: any APICBus) {
        self.bus = bus
    }

    /// Whether a pin is high and unmasked: the guest has an interrupt to
    /// take, so it must not be put to sleep.
    var hasPendingInterrupt: Bool {
        (0..<Self.pinCount).contains { high[$0] && entries[$0] & Self.masked == 0 }
    }

    /// Sets pin `pin`'s level; a rise on an unmasked pin interrupts.
    func setLine(_ pin: Int, high level: Bool) throws(LoaderError) {
        let rising = level && !high[pin]
        high[pin] = level
        if rising { try deliver(pin) }
    }

    func claims(mmio address: GuestPhysicalAddress) -> Bool {
        address >= Self.base && address.rawValue - Self.base.rawValue < Self.windowSize
    }

    func handle(_ access: MMIOAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse {
        let offset = access.address.rawValue - Self.base.rawValue
        guard access.length == 4, offset % 4 == 0 else {
            return .invalidRequest("\(access.length)-byte access at offset \(hex(offset)): registers take aligned 4-byte accesses")
        }
        guard access.isWrite else {
            let value = switch offset {
            case Self.selectOffset: selected
            case Self.windowOffset: register(selected)
            default: UInt32(0)
            }
            data.storeBytes(of: value, as: UInt32.self)
            return .resume
        }
        let value = data.loadUnaligned(as: UInt32.self)
        switch offset {
        case Self.selectOffset: selected = value & 0xff
        case Self.windowOffset: try setRegister(selected, value)
        default: break // EOI (0x40) and the rest: edges leave nothing to end
        }
        return .resume
    }

    private func register(_ index: UInt32) -> UInt32 {
        switch index {
        case 0x00, 0x02: return id << 24 // ID, arbitration ID
        case 0x01: return Self.version
        default:
            guard let (pin, upper) = redirection(index) else { return 0 }
            return UInt32(truncatingIfNeeded: entries[pin] >> (upper ? 32 : 0))
        }
    }

    private func setRegister(_ index: UInt32, _ value: UInt32) throws(LoaderError) {
        if index == 0x00 {
            id = value >> 24 & 0xf
            return
        }
        guard let (pin, upper) = redirection(index) else { return } // read-only or absent
        let wasMasked = entries[pin] & Self.masked != 0
        let shift: UInt64 = upper ? 32 : 0
        let merged = entries[pin] & ~(0xffff_ffff << shift) | UInt64(value) << shift
        entries[pin] = merged & Self.writable
        if wasMasked && high[pin] { try deliver(pin) }
    }

    /// The pin and half (upper or not) indirect register `index` holds.
    private func redirection(_ index: UInt32) -> (Int, Bool)? {
        guard index >= Self.firstRedirection else { return nil }
        let pin = Int(index - Self.firstRedirection) / 2
        return pin < Self.pinCount ? (pin, index % 2 == 1) : nil
    }

    /// Sends pin `pin`'s interrupt, unless it is masked or names one of the
    /// vectors 0-15, which the APIC architecture reserves (no message).
    private func deliver(_ pin: Int) throws(LoaderError) {
        let entry = entries[pin]
        let vector = UInt32(entry & 0xff)
        guard entry & Self.masked == 0, vector >= 16 else { return }
        let deliveryMode = UInt32(entry >> 8 & 0x7)
        let logical = entry >> 11 & 1
        let destination = entry >> 56
        try bus.send(address: 0xfee0_0000 | destination << 12 | logical << 2,
                     data: vector | deliveryMode << 8)
    }
}
