import Foundation
import Testing

/// Embedded Swift's Dictionary, Set and Int.random link against nolibc
/// (arc4random_buf, ceil) and work: `Tests/GuestTests/swift-collections`
/// prints what it computed, the same in every run whatever the hash seed.
///
/// Not on unikit's loader: Swift's hash tables size themselves with Double
/// arithmetic, which Swift compiles to x87 instructions without SSE, and a
/// software (PVM) /dev/kvm traps those into KVM's instruction emulator, which
/// cannot run them. QEMU's TCG runs the same kvm image.
@Suite struct SwiftCollectionsTests {
    static let expected = """
        dictionary: be=2 not=1 or=1 to=2
        grown: 4999 entries, 4999 -> 24990001, 7 -> -1
        set: 504 residues, contains 4: true, contains 0: false
        random: true

        """

    static let built = Result { try AppCopy.built("Tests/GuestTests/swift-collections") }

    @Test func workOnLinuxu() throws {
        let app = try Self.built.get()
        let result = try runProcess([app.image("linuxu")], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.expected)
    }

    @Test(.enabled(if: Host.qemu != nil, "needs qemu-system-x86_64"))
    func workOnQEMUWithTCG() throws {
        let app = try Self.built.get()
        let command = [Host.qemu!, "-M", "microvm", "-accel", "tcg",
                       "-m", "64M", "-nodefaults", "-no-user-config", "-nographic", "-serial", "stdio",
                       "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", app.image("kvm")]
        let result = try runProcess(command, timeout: 120)
        #expect(result.status == 1, "isa-debug-exit reports status 0 as 1: \(result.stderr)")
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == Self.expected)
    }
}
