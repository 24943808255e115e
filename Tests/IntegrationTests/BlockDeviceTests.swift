import Foundation
import Testing

/// blkdemo on virtio-blk (virtio-mmio version 2), on unikit's loader
/// (`--disk`) and on QEMU microvm: the checksum the guest prints is recomputed
/// here over the disk file, so guest and host agree on every byte written
/// (Examples/blkdemo/pattern.h defines the pattern and the checksum). QEMU
/// lists its virtio-mmio devices on the kernel command line only without
/// ACPI, hence `acpi=off`. The image takes the device's interrupts; a
/// second build polls instead.
@Suite struct BlockDeviceTests {
    static let built = Result { try BuiltExample(example: "blkdemo").app }
    static let polled = Result {
        try AppCopy.built("Examples/blkdemo", defconfig: NetworkStackTests.polled("blkdemo"))
    }

    /// pattern.h's checksum: FNV-1a 64 taken a little-endian 64-bit word at a time.
    static func checksum(_ bytes: Data) -> UInt64 {
        words(bytes).reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ $1) &* 0x100_0000_01b3 }
    }

    /// pattern.h's pattern: word k holds k * 0x9e3779b97f4a7c15.
    static func pattern(bytes: Int) -> Data {
        var data = Data(capacity: bytes)
        for k in 0..<UInt64(bytes / 8) {
            withUnsafeBytes(of: (k &* 0x9e37_79b9_7f4a_7c15).littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func words(_ bytes: Data) -> [UInt64] {
        bytes.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count - raw.count % 8, by: 8).map {
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0, as: UInt64.self))
            }
        }
    }

    /// A raw disk file of 4 MiB, zeroed or starting with `contents`, in a
    /// folder of its own (`removeDisk` deletes both).
    static func disk(_ contents: Data = Data()) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unikit-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("disk.img").path
        try (contents + Data(count: (4 << 20) - contents.count)).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func removeDisk(_ path: String) {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// blkdemo on QEMU microvm with `disk` as its virtio-blk device.
    func boot(disk: String, drive: String = "", device: String = "", append: String = "",
              polled: Bool = false, tcg: Bool = false) throws -> ProcessOutput {
        let app = try (polled ? Self.polled : Self.built).get()
        let command = QEMU.command(machine: "microvm,acpi=off", image: app.image("kvm"), append: append, tcg: tcg)
            + ["-global", "virtio-mmio.force-legacy=false",
               "-drive", "id=d0,file=\(disk),format=raw,if=none\(drive)",
               "-device", "virtio-blk-device,drive=d0\(device)"]
        return try runProcess(command, timeout: 120)
    }

    /// blkdemo on unikit's loader with `disk` (FILE or FILE,ro).
    func run(disk: String, polled: Bool = false) throws -> ProcessOutput {
        let app = try (polled ? Self.polled : Self.built).get()
        return try runProcess([Host.unikit, "run", "--disk", disk], in: app.folder, timeout: 120)
    }

    /// The checksum on the output line that contains `marker`, then "checksum ".
    func printedChecksum(_ output: String, _ marker: String) -> UInt64? {
        guard let line = output.split(whereSeparator: \.isNewline).first(where: { $0.contains(marker) }),
              let range = line.range(of: "checksum ") else { return nil }
        return UInt64(line[range.upperBound...].prefix(16), radix: 16)
    }

    /// The 256 KiB blkdemo wrote by default are its pattern, with the checksum it printed.
    func expectWritten(_ result: ProcessOutput, disk: String) throws {
        let written = try Data(contentsOf: URL(fileURLWithPath: disk))
        let checksum = printedChecksum(result.stdout, "blkdemo: 262144 bytes written and verified")
        #expect(checksum == Self.checksum(written.prefix(262_144)), "\(result.stdout)")
        #expect(written.prefix(262_144) == Self.pattern(bytes: 262_144))
        #expect(written.dropFirst(262_144).allSatisfy { $0 == 0 }, "blkdemo wrote past its 256 KiB")
    }

    /// Both modes, and interrupts under TCG too (without a TSC-deadline
    /// timer the guest spins with interrupts let in, which TCG takes only
    /// between translation blocks).
    @Test(.enabled(if: Host.qemu != nil, "needs qemu-system-x86_64"),
          arguments: [(false, false), (true, false), (false, true)])
    func writesFlushesReadsAndVerifiesOnQEMU(polled: Bool, tcg: Bool) throws {
        let disk = try Self.disk()
        defer { Self.removeDisk(disk) }
        let result = try boot(disk: disk, polled: polled, tcg: tcg)
        #expect(result.status == QEMU.status(forGuestStatus: 0), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("blkdemo: blk0 (virtio-blk): 8192 sectors of 512 bytes, read-write"))
        try expectWritten(result, disk: disk)
    }

    /// The loader's disk has an identifier made from the file's name.
    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: boots on unikit's KVM loader"), arguments: [false, true])
    func writesFlushesReadsAndVerifiesOnUnikitLoader(polled: Bool) throws {
        let disk = try Self.disk()
        defer { Self.removeDisk(disk) }
        let result = try run(disk: disk, polled: polled)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(#"blkdemo: blk0 (virtio-blk, id "unikit:disk.img"): 8192 sectors of 512 bytes"#),
                "\(result.stdout)")
        try expectWritten(result, disk: disk)
    }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: boots on unikit's KVM loader"))
    func readOnlyDiskIsOnlyReadOnUnikitLoader() throws {
        let disk = try Self.disk(Self.pattern(bytes: 262_144))
        defer { Self.removeDisk(disk) }
        let before = try Data(contentsOf: URL(fileURLWithPath: disk))
        let result = try run(disk: disk + ",ro")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("blkdemo: blk0 is read-only: cannot write, reading only"))
        #expect(result.stdout.contains("blkdemo's pattern"), "\(result.stdout)")
        #expect(printedChecksum(result.stdout, "bytes read") == Self.checksum(before.prefix(262_144)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: disk)) == before)
    }

    @Test(.enabled(if: Host.qemu != nil, "needs qemu-system-x86_64"))
    func readOnlyDiskIsOnlyReadOnQEMU() throws {
        let disk = try Self.disk(Self.pattern(bytes: 262_144))
        defer { Self.removeDisk(disk) }
        let before = try Data(contentsOf: URL(fileURLWithPath: disk))
        let result = try boot(disk: disk, drive: ",readonly=on")
        #expect(result.status == QEMU.status(forGuestStatus: 0), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("blkdemo: blk0 is read-only: cannot write, reading only"))
        #expect(result.stdout.contains("blkdemo's pattern"), "\(result.stdout)")
        #expect(printedChecksum(result.stdout, "bytes read") == Self.checksum(before.prefix(262_144)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: disk)) == before)
    }

    /// A 4 KiB logical block size makes 4 KiB sectors; the serial is the device's identifier.
    @Test(.enabled(if: Host.qemu != nil, "needs qemu-system-x86_64"))
    func honoursBlockSizeAndIdentifier() throws {
        let disk = try Self.disk()
        defer { Self.removeDisk(disk) }
        let result = try boot(disk: disk, device: ",logical_block_size=4096,physical_block_size=4096,serial=unikit-0042",
                              append: "1M")
        #expect(result.status == QEMU.status(forGuestStatus: 0), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(#"blkdemo: blk0 (virtio-blk, id "unikit-0042"): 1024 sectors of 4096 bytes"#))
        let written = try Data(contentsOf: URL(fileURLWithPath: disk))
        #expect(printedChecksum(result.stdout, "blkdemo: 1048576 bytes written and verified")
                == Self.checksum(written.prefix(1 << 20)))
        #expect(written.prefix(1 << 20) == Self.pattern(bytes: 1 << 20))
    }

    @Test func saysWhenThereIsNoDisk() throws {
        let app = try Self.built.get()
        let result = try runProcess([app.image("linuxu")], timeout: 60)
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("blkdemo: no block device"))
    }
}
