import Foundation
import Testing

/// uknet end to end: udpecho and httpreply on unikit's loader (`--net`), on
/// QEMU microvm (virtio-net-device) and on linuxu (a tap), each checked by
/// Tests/GuestTests/net/run-netns.sh in a network namespace it makes and
/// deletes: ping, UDP echo round trips, and curl fetching the page 1000
/// times in a row. Traffic stays inside the namespace. kvm images run in
/// both of virtio's modes: interrupts (the default) and polling.
@Suite struct NetworkStackTests {
    static let udpecho = Result { try AppCopy.built("Examples/udpecho") }
    static let httpreply = Result { try AppCopy.built("Examples/httpreply") }
    static let udpechoPolled = Result { try AppCopy.built("Examples/udpecho", defconfig: polled("udpecho")) }
    static let httpreplyPolled = Result { try AppCopy.built("Examples/httpreply", defconfig: polled("httpreply")) }
    static let script = Host.repository + "/Tests/GuestTests/net/run-netns.sh"
    static let address = "net.ip=10.0.0.2/24"

    /// The example's defconfig with virtio's interrupt mode off.
    static func polled(_ example: String) throws -> String {
        try String(contentsOfFile: "\(Host.repository)/Examples/\(example)/defconfig", encoding: .utf8)
            + "# CONFIG_LIBUKVIRTIO_INTERRUPTS is not set\n"
    }

    /// How each runner is named in the test arguments: a host, polled or not.
    struct Runner: CustomStringConvertible, Sendable {
        var host: String
        var polled = false
        var tcg = false
        var description: String { host + (polled ? ", polled" : "") + (tcg ? ", TCG" : "") }
        /// The status a guest returning 0 from main ends with.
        var successStatus: Int { host == "qemu" ? 1 : 0 }
    }

    static let runners = [Runner(host: "loader"), Runner(host: "qemu"), Runner(host: "linuxu"),
                          Runner(host: "loader", polled: true), Runner(host: "qemu", polled: true)]
    /// And interrupts under TCG, which takes them only between translation blocks.
    static let udpRunners = runners + [Runner(host: "qemu", tcg: true)]

    /// The guest command for `runner`, attached to tap0 with the guest address.
    static func guest(_ app: AppCopy, on runner: String, arguments: [String] = [], tcg: Bool = false) -> [String] {
        let arguments = [address] + arguments
        switch runner {
        case "loader": return [Host.unikit, "run", app.image("kvm"), "--net", "tap0", "--"] + arguments
        case "linuxu": return [app.image("linuxu"), "netdev.tap=tap0"] + arguments
        default:
            return [Host.qemu!, "-M", "microvm,acpi=off"] + QEMU.accelerator(tcg: tcg) + [
                "-m", "64M", "-nodefaults", "-no-user-config", "-display", "none", "-serial", "stdio",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-global", "virtio-mmio.force-legacy=false",
                "-netdev", "tap,id=n0,ifname=tap0,script=no,downscript=no", "-device", "virtio-net-device,netdev=n0",
                "-kernel", app.image("kvm"), "-append", arguments.joined(separator: " "),
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

    /// udpecho stops after the 100 datagrams and reports its device's
    /// counts: a kvm image in interrupt mode took receive interrupts, a
    /// polled one none.
    @Test(arguments: udpRunners)
    func pingAndUDPEcho(_ runner: Runner) throws {
        guard Self.available(runner.host) else { return }
        let app = try (runner.polled ? Self.udpechoPolled : Self.udpecho).get()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("udpecho-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let result = try runProcess([Self.script, "--udp-count", "100", "--expect-exit=\(runner.successStatus)",
                                     "--log", log, "ping,udp", "--"]
                                    + Self.guest(app, on: runner.host, arguments: ["count=100"], tcg: runner.tcg), timeout: 300)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        guard runner.host != "linuxu" else { return }
        let output = try String(contentsOfFile: log, encoding: .utf8)
        let interrupts = output.firstMatch(of: /(\d+) receive interrupts/).flatMap { Int($0.1) }
        #expect(interrupts != nil, "no device counts in:\n\(output)")
        if let interrupts { #expect(runner.polled ? interrupts == 0 : interrupts > 0, "\(output)") }
    }

    @Test(arguments: runners)
    func curlGetsThePage1000Times(_ runner: Runner) throws {
        guard Self.available(runner.host) else { return }
        let app = try (runner.polled ? Self.httpreplyPolled : Self.httpreply).get()
        // Polling is the second mode: fewer requests keep CI short.
        let count = runner.polled ? "200" : "1000"
        let result = try runProcess([Self.script, "--curl-count", count, "ping,http", "--"] + Self.guest(app, on: runner.host),
                                    timeout: 600)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
