/// A minimal 16550 UART at COM1 (0x3f8–0x3ff), for guests that print through
/// the UART as they do under QEMU. Transmitted bytes go to the console as they
/// come (one exit per byte: the console port is the fast path). The
/// transmitter is always empty, nothing is ever received, no interrupts.
final class Serial16550: Device {
    let name = "COM1"
    static let base: UInt16 = 0x3f8

    // Register offsets from `base`.
    private static let data = 0, interruptEnable = 1, interruptID = 2, lineControl = 3
    private static let modemControl = 4, lineStatus = 5, modemStatus = 6, scratch = 7
    /// LCR bit 7 (DLAB) turns offsets 0 and 1 into the divisor latch.
    private static let divisorLatchAccess: UInt8 = 0x80

    private let sink: ConsoleSink
    /// Registers the guest can write and read back, by offset; the divisor latch apart.
    private var registers = [UInt8](repeating: 0, count: 8)
    private var divisor: (low: UInt8, high: UInt8) = (1, 0)

    init(sink: ConsoleSink) { self.sink = sink }

    func claims(port: UInt16) -> Bool { port >= Self.base && port < Self.base + 8 }

    func handle(_ access: PortAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse {
        guard access.size == 1 else {
            return .invalidRequest("UART registers are 1 byte wide, got \(access.mnemonic) to port \(hex(access.port))")
        }
        let offset = Int(access.port - Self.base)
        if access.isWrite {
            if offset == Self.data && !divisorLatched {
                try sink.write(UnsafeRawBufferPointer(data)) // `rep outsb` sends several
            } else {
                for byte in data { write(byte, at: offset) }
            }
        } else {
            for index in data.indices { data[index] = read(at: offset) }
        }
        return .resume
    }

    private var divisorLatched: Bool { registers[Self.lineControl] & Self.divisorLatchAccess != 0 }

    private func write(_ value: UInt8, at offset: Int) {
        switch offset {
        case Self.data: divisor.low = value
        case Self.interruptEnable where divisorLatched: divisor.high = value
        case Self.interruptID, Self.lineStatus, Self.modemStatus: break // FCR write; read-only registers
        default: registers[offset] = value
        }
    }

    private func read(at offset: Int) -> UInt8 {
        switch offset {
        case Self.data: divisorLatched ? divisor.low : 0 // nothing received
        case Self.interruptEnable: divisorLatched ? divisor.high : registers[offset]
        case Self.interruptID: 0x01 // no interrupt pending
        case Self.lineStatus: 0x60 // THRE | TEMT: transmitter empty, no data ready
        case Self.modemStatus: 0xb0 // DCD | DSR | CTS
        default: registers[offset] // IER, LCR, MCR, SCR
        }
    }
}
