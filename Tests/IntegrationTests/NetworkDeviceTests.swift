import Foundation
import Testing

/// netecho on virtio-net (virtio-mmio version 2), on unikit's loader
/// (`--net`) and on QEMU microvm, each in a network namespace of its own
/// with a fresh tap: Examples/netecho/echo-peer.py sends frames of 60, 1514
/// and 200 bytes through the tap and checks every echo byte for byte.
/// Traffic stays inside the namespace; the namespace is deleted afterwards.
@Suite struct NetworkDeviceTests {
    static let built = Result { try BuiltExample(example: "netecho") }
    static let frames = 30

    /// Root and /dev/net/tun, which namespaces and taps need; says loudly when not.
    static let canMakeTaps: Bool = {
        if getuid() == 0 && FileManager.default.fileExists(atPath: "/dev/net/tun") { return true }
        FileHandle.standardError.write(Data(
            "*** NetworkDeviceTests: SKIPPED: needs root and /dev/net/tun to make a network namespace and a tap ***\n".utf8))
        return false
    }()

    /// Runs `guest` (a command line, run inside the namespace) against the
    /// echo peer on tap0; returns the guest's and the peer's outputs.
    static func echo(_ guest: [String], in folder: String) throws -> (guest: ProcessOutput, peer: ProcessOutput) {
        let namespace = "unikit-test-\(UUID().uuidString.prefix(8))"
        let inside = ["ip", "netns", "exec", namespace]
        defer { _ = try? runProcess(["ip", "netns", "del", namespace]) }
        for command in [["ip", "netns", "add", namespace], inside + ["ip", "tuntap", "add", "dev", "tap0", "mode", "tap"],
                        inside + ["ip", "link", "set", "tap0", "up"],
                        inside + ["sysctl", "-qw", "net.ipv6.conf.tap0.disable_ipv6=1"]] {
            let result = try runProcess(command)
            guard result.status == 0 else { throw Failure("\(command.joined(separator: " ")): \(result.stderr)") }
        }
        let peerOutput = FileManager.default.temporaryDirectory.appendingPathComponent("peer-\(namespace).log").path
        defer { try? FileManager.default.removeItem(atPath: peerOutput) }
        let peerCommand = (inside + ["python3", folder + "/echo-peer.py", "tap0", String(frames)])
            .map(shellQuoted).joined(separator: " ")
        let peer = Process()
        peer.executableURL = URL(fileURLWithPath: "/bin/sh")
        peer.arguments = ["-c", "\(peerCommand) > \(shellQuoted(peerOutput)) 2>&1"]
        try peer.run()
        Thread.sleep(forTimeInterval: 0.5) // the peer listens before the guest says hello
        let guestResult = try runProcess(inside + guest, in: folder, timeout: 120)
        peer.waitUntilExit()
        let peerText = (try? String(contentsOfFile: peerOutput, encoding: .utf8)) ?? ""
        return (guestResult, ProcessOutput(status: peer.terminationStatus, stdout: peerText, stderr: ""))
    }

    @Test(.enabled(if: Host.hasKVM && canMakeTaps, "needs /dev/kvm, root and /dev/net/tun"))
    func echoOnUnikitLoader() throws {
        let example = try Self.built.get()
        let (guest, peer) = try Self.echo([Host.unikit, "run", "--net", "tap0", "--", String(Self.frames)],
                                          in: example.app.folder)
        #expect(guest.status == 0, "guest: \(guest.stdout)\(guest.stderr)")
        #expect(guest.stdout.contains("netecho: eth0 02:75:6e:69:6b:00, MTU 1500"))
        #expect(guest.stdout.contains("netecho: \(Self.frames) frames echoed (0 rx errors)"))
        #expect(peer.status == 0 && peer.stdout.contains("\(Self.frames)/\(Self.frames) echoed correctly"), "peer: \(peer.stdout)")
    }

    @Test(.enabled(if: Host.qemu != nil && canMakeTaps, "needs qemu-system-x86_64, root and /dev/net/tun"))
    func echoOnQEMU() throws {
        let example = try Self.built.get()
        let accelerator = Host.hasKVM ? ["-accel", "kvm", "-cpu", "host,-arch-capabilities"] : ["-accel", "tcg"]
        let qemu = [Host.qemu!, "-M", "microvm,acpi=off"] + accelerator + [
            "-m", "64M", "-nodefaults", "-no-user-config", "-display", "none", "-serial", "stdio",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-global", "virtio-mmio.force-legacy=false",
            "-netdev", "tap,id=n0,ifname=tap0,script=no,downscript=no", "-device", "virtio-net-device,netdev=n0",
            "-kernel", example.app.image("kvm"), "-append", String(Self.frames),
        ]
        let (guest, peer) = try Self.echo(qemu, in: example.app.folder)
        #expect(guest.status == QEMU.status(forGuestStatus: 0), "guest: \(guest.stdout)\(guest.stderr)")
        #expect(guest.stdout.contains("netecho: \(Self.frames) frames echoed (0 rx errors)"))
        #expect(peer.status == 0 && peer.stdout.contains("\(Self.frames)/\(Self.frames) echoed correctly"), "peer: \(peer.stdout)")
    }
}
