import CKVM
import Foundation
import Testing
@testable import Loader

/// The IOAPIC and the interrupt lines of virtio devices, without KVM: the
/// messages the IOAPIC would send are recorded instead.
@Suite struct InterruptTests {
    final class RecordingBus: APICBus {
        var messages: [(address: UInt64, data: UInt32)] = []
        func send(address: UInt64, data: UInt32) { messages.append((address, data)) }
        var vectors: [UInt32] { messages.map { $0.data & 0xff } }
    }

    /// An IOAPIC over a recording bus, with the guest's register accesses.
    final class Bench {
        let bus = RecordingBus()
        lazy var ioapic = IOAPIC(bus: bus)

        @discardableResult
        func access(_ offset: UInt64, write value: UInt32? = nil, length: Int = 4) throws -> (DeviceResponse, UInt32) {
            var bytes = withUnsafeBytes(of: value ?? 0) { Array($0) }
            let access = MMIOAccess(address: GuestPhysicalAddress(IOAPIC.base.rawValue + offset), length: length,
                                    isWrite: value != nil)
            let response = try bytes.withUnsafeMutableBytes { buffer in
                try Result { () throws(LoaderError) in
                    try ioapic.handle(access, data: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<length]))
                }.get()
            }
            return (response, bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
        }

        func register(_ index: UInt32) throws -> UInt32 {
            try access(0x00, write: index)
            return try access(0x10).1
        }

        func setRegister(_ index: UInt32, _ value: UInt32) throws {
            try access(0x00, write: index)
            try access(0x10, write: value)
        }

        /// Routes `pin` to `vector` (level-triggered, as virtio-mmio lines
        /// are) on APIC `destination`, masked or not.
        func route(pin: UInt32, vector: UInt32, destination: UInt32 = 0, masked: Bool = false) throws {
            try setRegister(0x11 + 2 * pin, destination << 24)
            try setRegister(0x10 + 2 * pin, vector | 1 << 15 | (masked ? 1 << 16 : 0))
        }
    }

    @Test func identifiesItselfWithEveryPinMasked() throws {
        let bench = Bench()
        #expect(try bench.register(0x01) == 0x0017_0011, "version 0x11, 24 entries")
        for pin: UInt32 in [0, 5, 23] { #expect(try bench.register(0x10 + 2 * pin) == 1 << 16) }
        try bench.setRegister(0x00, 0x0300_0000)
        #expect(try bench.register(0x00) == 0x0300_0000)
        #expect(try bench.register(0x40) == 0, "no entry beyond the 24th")
        #expect(try bench.access(0x10, length: 2).0
                == .invalidRequest("2-byte access at offset 0x10: registers take aligned 4-byte accesses"))
    }

    @Test func aRiseOnAnUnmaskedPinSendsItsVectorOnce() throws {
        let bench = Bench()
        try bench.route(pin: 5, vector: 0x35, destination: 3)
        try bench.ioapic.setLine(5, high: true)
        try bench.ioapic.setLine(5, high: true)
        #expect(bench.bus.messages.count == 1, "a line held high interrupts once")
        #expect(bench.bus.messages.first?.address == 0xfee0_3000)
        #expect(bench.bus.messages.first?.data == 0x35)
        #expect(bench.ioapic.hasPendingInterrupt)
        try bench.ioapic.setLine(5, high: false)
        #expect(!bench.ioapic.hasPendingInterrupt)
        try bench.ioapic.setLine(5, high: true)
        #expect(bench.bus.vectors == [0x35, 0x35])
    }

    @Test func aMaskedPinWaitsForItsUnmask() throws {
        let bench = Bench()
        try bench.route(pin: 7, vector: 0x40, masked: true)
        try bench.ioapic.setLine(7, high: true)
        #expect(bench.bus.messages.isEmpty)
        #expect(!bench.ioapic.hasPendingInterrupt, "masked: nothing for the guest to take")
        try bench.route(pin: 7, vector: 0x40)
        #expect(bench.bus.vectors == [0x40], "unmasked while high")
    }

    @Test func reservedVectorsAndReadOnlyBitsAreNotTaken() throws {
        let bench = Bench()
        try bench.route(pin: 1, vector: 0x0f)
        try bench.ioapic.setLine(1, high: true)
        #expect(bench.bus.messages.isEmpty, "vectors 0-15 are reserved")
        try bench.setRegister(0x12, 0x50 | 1 << 12 | 1 << 14)
        #expect(try bench.register(0x12) == 0x50, "delivery status and remote IRR are read-only")
    }

    @Test func virtioRaisesItsLineOnlyWhenTheDriverWantsInterrupts() throws {
        let bench = Bench()
        try bench.route(pin: 5, vector: 0x35)
        let driver = try VirtioDriver(diskReadOnly: false, line: IOAPIC.Line(controller: bench.ioapic, pin: 5))
        _ = try driver.initialize()
        let flush = { () throws -> DeviceResponse in
            try driver.request(type: VirtioBlock.typeFlush, sector: 0, dataLength: 0, dataWritable: false)
        }
        #expect(try flush() == .resume)
        #expect(bench.bus.vectors == [0x35])
        #expect(try driver.read(0x60) == 1, "InterruptStatus: used buffer")
        #expect(try flush() == .resume)
        #expect(bench.bus.vectors == [0x35], "not acknowledged yet: the line stays high")
        try driver.write(0x64, 1)
        #expect(try driver.read(0x60) == 0 && !bench.ioapic.hasPendingInterrupt, "acknowledged: the line falls")

        try driver.setAvailableFlags(1) // VIRTQ_AVAIL_F_NO_INTERRUPT: the driver polls
        #expect(try flush() == .resume)
        #expect(bench.bus.vectors == [0x35], "a polling driver gets no interrupt")
        try driver.write(0x64, 1)
        try driver.setAvailableFlags(0)
        #expect(try flush() == .resume)
        #expect(bench.bus.vectors == [0x35, 0x35])
        try driver.write(0x70, 0)
        #expect(!bench.ioapic.hasPendingInterrupt, "a reset lowers the line")
    }

    @Test func theIdlePortDoesNotSleepWithAnInterruptPending() throws {
        let bench = Bench()
        let memory = try GuestMemory(size: 4 << 20)
        try memory.store(unikit_idle(timeout_ns: 10_000_000_000, interrupt_pending: 0), at: GuestPhysicalAddress(0x1000))
        try bench.route(pin: 5, vector: 0x35)
        try bench.ioapic.setLine(5, high: true)
        let idle = IdlePort(memory: memory, interrupts: bench.ioapic)
        var bytes = withUnsafeBytes(of: UInt32(0x1000)) { Array($0) }
        let started = ContinuousClock.now
        let response = try bytes.withUnsafeMutableBytes { buffer in
            try Result { () throws(LoaderError) in
                try idle.handle(PortAccess(port: 0x501, size: 4, count: 1, isWrite: true), data: buffer)
            }.get()
        }
        #expect(response == .resume)
        #expect(try memory.load(unikit_idle.self, at: GuestPhysicalAddress(0x1000)).interrupt_pending == 1,
                "the guest is told to take it")
        // Asked for 10 s; anything near that means it slept.
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func devicesGetQEMUMicrovmsPinsAndAtMostEight() throws {
        #expect(VirtioDevices.commandLineArguments(count: 2)
                == ["virtio_mmio.device=512@0xfeb00000:5", "virtio_mmio.device=512@0xfeb00200:6"])
        try VirtioDevices.check(count: 8)
        #expect(throws: LoaderError.self) { try VirtioDevices.check(count: 9) }
        do {
            try VirtioDevices.check(count: 9)
        } catch {
            #expect("\(error)" == "options: --disk/--net: 9 devices; at most 8, as on QEMU microvm")
        }
    }
}
