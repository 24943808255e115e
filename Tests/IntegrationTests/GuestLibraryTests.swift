import Foundation
import Testing

/// The libraries' own unit tests (uktest) run inside real images: the
/// `Tests/GuestTests/libtests` app, built for linuxu and kvm, runs every test
/// case the enabled libraries register and exits with the number that failed.
@Suite struct GuestLibraryTests {
    static let built = Result { try AppCopy.built("Tests/GuestTests/libtests") }

    /// The failing cases' lines (FAIL and the checks under them), for the message.
    func failures(_ output: String) -> String {
        output.split(separator: "\n").filter { !$0.hasPrefix("RUN ") && !$0.hasPrefix("PASS ") }
            .joined(separator: "\n")
    }

    func expectAllPassed(_ result: ProcessOutput) {
        #expect(result.status == 0, "\(failures(result.stdout))\n\(result.stderr)")
        let summary = result.stdout.split(separator: "\n").last { $0.hasPrefix("uktest: ") }
        #expect(summary?.hasSuffix(" passed, 0 failed") == true, "summary: \(summary ?? "none")")
        #expect(summary?.hasPrefix("uktest: 0 passed") == false, "no test case ran")
    }

    @Test func passOnLinuxu() throws {
        let app = try Self.built.get()
        expectAllPassed(try runProcess([app.image("linuxu")], timeout: 300))
    }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: runs the library tests on unikit's KVM loader"))
    func passOnUnikitLoader() throws {
        let app = try Self.built.get()
        expectAllPassed(try app.unikit("run", "--platform", "kvm", timeout: 300))
    }

    /// The runner's filter selects by "suite.name" prefix.
    @Test func filterSelectsCases() throws {
        let app = try Self.built.get()
        let result = try runProcess([app.image("linuxu"), "cmdline.stops"], timeout: 60)
        #expect(result.status == 0)
        #expect(result.stdout.contains("uktest: 1 passed, 0 failed"), "\(result.stdout)")
        let none = try runProcess([app.image("linuxu"), "no-such-suite"], timeout: 60)
        #expect(none.stdout.contains("uktest: 0 passed, 0 failed"))
    }
}
