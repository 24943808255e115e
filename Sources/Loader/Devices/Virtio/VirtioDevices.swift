/// Where the loader puts virtio-mmio devices: where QEMU microvm puts them,
/// 0x200 bytes apart from 0xfeb00000, so a guest finds them the same way on
/// both (they are also named on the command line). RAM must end below.
enum VirtioDevices {
    static let firstBase: UInt64 = 0xfeb0_0000

    /// One virtio-mmio device per disk, in order.
    static func make(disks: [DiskFile], memory: GuestMemory) throws(LoaderError) -> [VirtioMMIO] {
        guard !disks.isEmpty else { return [] }
        guard memory.size <= firstBase else {
            throw LoaderError("options", field: "memory size",
                              "\(byteSize(memory.size)) reaches the virtio-mmio devices at \(hex(firstBase)); use less with --disk")
        }
        return disks.enumerated().map { index, disk in
            VirtioMMIO(base: GuestPhysicalAddress(firstBase + UInt64(index) * VirtioMMIO.windowSize),
                       backend: VirtioBlock(disk: disk, memory: memory), memory: memory)
        }
    }
}
