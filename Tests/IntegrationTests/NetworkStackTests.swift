import Foundation
import Testing

/// uknet end to end: udpecho and httpreply on unikit's loader (`--net`), on
/// QEMU microvm (virtio-net-device) and on linuxu (a tap), each checked by
/// Tests/GuestTests/net/run-netns.sh in a network namespace it makes and
/// deletes: ping, UDP echo round trips, and curl fetching the page 1000
/// times in a row. Traffic stays inside the namespace.
@Suite struct NetworkStackTests {
    static let udpecho = Result { try AppCopy.built("Examples/udpecho") }
    static let httpreply = Result { try AppCopy.built("Examples/httpreply") }
    static let script = Host.repository + "/Tests/GuestTests/net/run-netns.sh"
    static let address = "net.ip=10.0.0.2/24"

    /// The guest command for `runner`, attached to tap0 with the guest address.
    static func guest(_ app: AppCopy, on runner: String) -> [String] {
        switch runner {
        case "loader": return [Host.unikit, "run", app.image("kvm"), "--net", "tap0", "--", address]
        case "linuxu": return [app.image("linuxu"), "netdev.tap=tap0", address]
        default:
            let accelerator = Host.hasKVM ? ["-accel", "kvm", "-cpu", "host,-arch-capabilities"] : ["-accel", "tcg"]
            return [Host.qemu!, "-M", "microvm,acpi=off"] + accelerator + [
                "-m", "64M", "-nodefaults", "-no-user-config", "-display", "none", "-serial", "stdio",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-global", "virtio-mmio.force-legacy=false",
                "-netdev", "tap,id=n0,ifname=tap0,script=no,downscript=no", "-device", "virtio-net-device,netdev=n0",
                "-kernel", app.image("kvm"), "-append", address,
            ]
        }
    }

    static func available(_ runner: String) -> Bool {
        guard NetworkDeviceTests.canMakeTaps else { return false }
        switch runner {
        case "loader": return Host.hasKVM
        case "qemu": return Host.qemu != nil
        default: return true
        }
    }

    @Test(arguments: ["loader", "qemu", "linuxu"])
    func pingAndUDPEcho(_ runner: String) throws {
        guard Self.available(runner) else { return }
        let app = try Self.udpecho.get()
        let result = try runProcess([Self.script, "ping,udp", "--"] + Self.guest(app, on: runner), timeout: 300)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test(arguments: ["loader", "qemu", "linuxu"])
    func curlGetsThePage1000Times(_ runner: String) throws {
        guard Self.available(runner) else { return }
        let app = try Self.httpreply.get()
        let result = try runProcess([Self.script, "--curl-count", "1000", "ping,http", "--"] + Self.guest(app, on: runner),
                                    timeout: 600)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
