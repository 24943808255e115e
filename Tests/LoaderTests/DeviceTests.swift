import CKVM
import Foundation
import Testing
@testable import Loader

/// Devices and guest memory without KVM: hostile requests against real guest memory.
@Suite struct DeviceTests {
    /// A console whose bytes land in a pipe, and 4 MiB of guest memory.
    final class Bench {
        let memory: GuestMemory
        let pipe = Pipe()
        var sink: ConsoleSink { ConsoleSink(fd: pipe.fileHandleForWriting.fileDescriptor) }

        init() throws { memory = try GuestMemory(size: 4 << 20) }

        func output() -> String {
            try? pipe.fileHandleForWriting.close()
            return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }

        /// `value` as the bytes of a port write.
        func out<T: FixedWidthInteger>(_ device: any Device, port: UInt16, _ value: T) throws(LoaderError) -> DeviceResponse {
            var bytes = withUnsafeBytes(of: value.littleEndian) { Array($0) }
            let access = PortAccess(port: port, size: MemoryLayout<T>.size, count: 1, isWrite: true)
            return try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(LoaderError) in try device.handle(access, data: buffer) }
            }.get()
        }
    }

    @Test func consoleWritesOneRequest() throws {
        let bench = try Bench()
        let text = Array("line\n".utf8)
        try text.withUnsafeBytes { try bench.memory.copy($0, to: GuestPhysicalAddress(0x20_0000)) }
        try bench.memory.store(unikit_console_write(data: 0x20_0000, len: UInt64(text.count)), at: GuestPhysicalAddress(0x1000))
        let console = ConsolePort(memory: bench.memory, sink: bench.sink)
        #expect(try bench.out(console, port: 0x500, UInt32(0x1000)) == .resume)
        #expect(bench.output() == "line\n")
    }

    @Test func consoleRejectsDataOutsideMemory() throws {
        let bench = try Bench()
        try bench.memory.store(unikit_console_write(data: 0x3f_fff8, len: 16), at: GuestPhysicalAddress(0x1000))
        let console = ConsolePort(memory: bench.memory, sink: bench.sink)
        #expect(try bench.out(console, port: 0x500, UInt32(0x1000))
                == .invalidRequest("data [0x3ffff8, 0x400008) is outside guest memory (4 MiB)"))
        // A length that wraps the address space is caught too.
        try bench.memory.store(unikit_console_write(data: 0xffff_ffff_ffff_fff0, len: 0x20), at: GuestPhysicalAddress(0x1000))
        #expect(try bench.out(console, port: 0x500, UInt32(0x1000))
                == .invalidRequest("data 32 bytes at 0xfffffffffffffff0 wrap around the address space"))
        #expect(bench.output() == "")
    }

    @Test func consoleTruncatesOversizedRequest() throws {
        let bench = try Bench()
        try bench.memory.store(unikit_console_write(data: 0x10_0000, len: 5000), at: GuestPhysicalAddress(0x1000))
        let console = ConsolePort(memory: bench.memory, sink: bench.sink)
        #expect(try bench.out(console, port: 0x500, UInt32(0x1000))
                == .invalidRequest("5000 bytes exceed UNIKIT_CONSOLE_MAX_WRITE (4096); wrote the first 4096"))
        #expect(bench.output().utf8.count == 4096)
    }

    @Test func consoleRejectsWrongAccess() throws {
        let bench = try Bench()
        let console = ConsolePort(memory: bench.memory, sink: bench.sink)
        #expect(try bench.out(console, port: 0x500, UInt8(1))
                == .invalidRequest("port 0x500 takes outl of a request address, not outb"))
    }

    @Test func idlePortRejectsRequestsOutsideMemoryAndWrongAccess() throws {
        let bench = try Bench()
        let idle = IdlePort(memory: bench.memory)
        #expect(try bench.out(idle, port: 0x501, UInt32(0x3f_fffc)) == .invalidRequest(
            "struct unikit_idle at 0x3ffffc: [0x3ffffc, 0x40000c) is outside guest memory (4 MiB)"))
        #expect(try bench.out(idle, port: 0x501, UInt8(1)) == .invalidRequest(
            "port 0x501 takes outl of a request address, not outb"))
        try bench.memory.store(unikit_idle(timeout_ns: 0, interrupt_pending: 7), at: GuestPhysicalAddress(0x1000))
        #expect(try bench.out(idle, port: 0x501, UInt32(0x1000)) == .resume)
        #expect(try bench.memory.load(unikit_idle.self, at: GuestPhysicalAddress(0x1000)).interrupt_pending == 0,
                "no devices, no interrupt")
    }

    @Test func exitPortTakesEverySize() throws {
        let bench = try Bench()
        let exit = ExitPort()
        #expect(try bench.out(exit, port: 0xf4, UInt8(7)) == .exit(status: 7))
        #expect(try bench.out(exit, port: 0xf4, UInt16(300)) == .exit(status: 300))
        #expect(try bench.out(exit, port: 0xf4, UInt32(0xffff_ffff)) == .exit(status: -1))
        #expect(GuestExit.exited(status: -1).exitCode == 255)
        #expect(GuestExit.exited(status: 300).exitCode == 44)
    }

    @Test func uartSaysTransmitterEmptyAndEchoesTHR() throws {
        let bench = try Bench()
        let uart = Serial16550(sink: bench.sink)
        var lsr: [UInt8] = [0]
        let read = PortAccess(port: 0x3fd, size: 1, count: 1, isWrite: false)
        #expect(try lsr.withUnsafeMutableBytes { try uart.handle(read, data: $0) } == .resume)
        #expect(lsr == [0x60])
        #expect(try bench.out(uart, port: 0x3fb, UInt8(0x80)) == .resume) // DLAB on: THR is the divisor
        #expect(try bench.out(uart, port: 0x3f8, UInt8(1)) == .resume)
        #expect(try bench.out(uart, port: 0x3fb, UInt8(0x03)) == .resume) // 8N1, DLAB off
        #expect(try bench.out(uart, port: 0x3f8, UInt8(ascii: "A")) == .resume)
        #expect(try bench.out(uart, port: 0x3f8, UInt16(0x4142))
                == .invalidRequest("UART registers are 1 byte wide, got outw to port 0x3f8"))
        #expect(bench.output() == "A")
    }

    @Test func memoryAccessorsCheckBoundsAndOverflow() throws {
        let memory = try GuestMemory(size: 4 << 20)
        #expect(memory.contains(GuestPhysicalAddress(0x3f_fff8), count: 8))
        #expect(!memory.contains(GuestPhysicalAddress(0x3f_fff9), count: 8))
        #expect(!memory.contains(GuestPhysicalAddress(.max), count: 2))
        #expect(!memory.contains(GuestPhysicalAddress(0), count: .max))
        #expect(throws: GuestMemoryError(address: GuestPhysicalAddress(0x3f_fffc), count: 8, memorySize: 4 << 20)) {
            try memory.store(UInt64(1), at: GuestPhysicalAddress(0x3f_fffc))
        }
        try memory.store(UInt64(0x1122_3344_5566_7788), at: GuestPhysicalAddress(0x3f_fff8))
        #expect(try memory.load(UInt64.self, at: GuestPhysicalAddress(0x3f_fff8)) == 0x1122_3344_5566_7788)
        #expect(try memory.load(UInt32.self, at: GuestPhysicalAddress(0x3f_fffb)) == 0x2233_4455) // unaligned
    }

    @Test func cpuidTableAdvertisesLongModeAndHidesTheRest() {
        let entries = CPUIDTable.minimal()
        let extended = entries.first { $0.function == 0x8000_0001 }
        #expect(extended.map { $0.edx & (1 << 29) != 0 } == true) // LM
        let leaf1 = entries.first { $0.function == 1 }
        #expect(leaf1.map { $0.ecx & (1 << 31) != 0 } == true) // hypervisor
        #expect(leaf1.map { $0.ecx & (1 << 26 | 1 << 27 | 1 << 28 | 1 << 21) } == 0) // no XSAVE, OSXSAVE, AVX, x2APIC
        #expect(leaf1.map { $0.edx & (1 << 9) } == 0) // no APIC
        #expect(entries.count <= Int(CKVM_MAX_CPUID_ENTRIES))
    }

    @Test func exitCodesAreDistinct() {
        let codes = [LoaderExitCode.setupFailed, LoaderExitCode.guestCrashed, LoaderExitCode.kvmError,
                     LoaderExitCode.unhandledAccess, LoaderExitCode.timeout, LoaderExitCode.invalidDeviceRequest]
        #expect(Set(codes).count == codes.count)
        for code in codes { #expect(LoaderExitCode.helpText.contains("\(code)")) }
    }
}
