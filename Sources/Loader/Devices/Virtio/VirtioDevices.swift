/// Where the loader puts virtio-mmio devices: where QEMU microvm (without
/// ACPI) puts its transports, 0x200 bytes apart from 0xfeb00000 with IOAPIC
/// pins 5 to 12, so a guest finds them the same way on both (they are also
/// named on the command line). RAM must end below.
enum VirtioDevices {
    static let firstBase: UInt64 = 0xfeb0_0000
    static let firstIRQ = 5
    /// As many as QEMU microvm has transports.
    static let maxCount = 8

    /// Where device `index` sits.
    static func base(index: Int) -> GuestPhysicalAddress {
        GuestPhysicalAddress(firstBase + UInt64(index) * VirtioMMIO.windowSize)
    }

    /// The IOAPIC pin of device `index`.
    static func irq(index: Int) -> Int { firstIRQ + index }

    /// `virtio_mmio.device=<size>@<base>:<irq>` for each of `count` devices:
    /// the arguments Linux and unikit guests find them by.
    static func commandLineArguments(count: Int) -> [String] {
        (0..<count).map { "virtio_mmio.device=\(VirtioMMIO.windowSize)@\(base(index: $0)):\(irq(index: $0))" }
    }

    /// Checks the device count against the transports there are.
    static func check(count: Int) throws(LoaderError) {
        guard count <= maxCount else {
            throw LoaderError("options", field: "--disk/--net",
                              "\(count) devices; at most \(maxCount), as on QEMU microvm")
        }
    }

    /// One virtio-mmio device per disk, then one per tap, in order, each
    /// wired to its pin of `interrupts`; their count passed `check` first.
    static func make(disks: [DiskFile], taps: [TapDevice], memory: GuestMemory,
                     interrupts: IOAPIC) throws(LoaderError) -> [VirtioMMIO] {
        let backends: [any VirtioBackend] = disks.map { VirtioBlock(disk: $0, memory: memory) }
            + taps.enumerated().map { VirtioNet(link: $1, mac: mac(index: $0), memory: memory) }
        guard !backends.isEmpty else { return [] }
        guard memory.size <= firstBase else {
            throw LoaderError("options", field: "memory size",
                              "\(byteSize(memory.size)) reaches the virtio-mmio devices at \(hex(firstBase)); use less with --disk or --net")
        }
        return backends.enumerated().map { index, backend in
            VirtioMMIO(base: base(index: index), backend: backend, memory: memory,
                       line: IOAPIC.Line(controller: interrupts, pin: irq(index: index)))
        }
    }

    /// 02:75:6e:69:6b:NN ("unik", locally administered), NN the tap's index.
    static func mac(index: Int) -> [UInt8] {
        [0x02, 0x75, 0x6e, 0x69, 0x6b, UInt8(truncatingIfNeeded: index)]
    }
}
