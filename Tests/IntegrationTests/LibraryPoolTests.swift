import Foundation
import Testing

/// Every configuration Kconfig allows must build: the library pool under
/// allnoconfig, allyesconfig and randconfig (10 seeds), with both platforms
/// kept on through KCONFIG_ALLCONFIG as Linux's `make allnoconfig` allows.
/// `Tests/GuestTests/pool` needs nothing but the boot sequence, so the
/// configuration mode decides every library; each linuxu image must run.
@Suite struct LibraryPoolTests {
    static let platforms = "CONFIG_PLAT_KVM=y\nCONFIG_PLAT_LINUXU=y\n"

    func buildPool(_ mode: String, seed: Int? = nil) throws {
        let app = try AppCopy(copying: Host.repository + "/Tests/GuestTests/pool",
                              skipping: [".config", ".config.old", "build"])
        try app.write("platforms.config", Self.platforms)
        var environment = ["KCONFIG_ALLCONFIG": "platforms.config"]
        if let seed { environment["KCONFIG_SEED"] = String(seed) }
        let configured = try runProcess([Host.unikit, mode], in: app.folder, environment: environment)
        #expect(configured.status == 0, "\(mode): \(configured.stderr)")
        let config = try String(contentsOfFile: app.folder + "/.config", encoding: .utf8)
        let enabled = config.split(separator: "\n").filter { $0.hasPrefix("CONFIG_LIB") && $0.hasSuffix("=y") }
        let build = try app.unikit("build")
        #expect(build.status == 0, """
            \(mode)\(seed.map { " seed \($0)" } ?? "") does not build; libraries: \(enabled.joined(separator: " "))
            \(build.stdout)\(build.stderr)
            """)
        guard build.status == 0 else { return }
        let run = try runProcess([app.image("linuxu")], timeout: 60)
        #expect(run.status == 0, "\(mode) image exits with \(run.status): \(run.stdout)\(run.stderr)")
    }

    @Test(arguments: ["allnoconfig", "allyesconfig", "alldefconfig"])
    func builds(_ mode: String) throws {
        try buildPool(mode)
    }

    @Test(arguments: 1...10)
    func randconfigBuilds(_ seed: Int) throws {
        try buildPool("randconfig", seed: seed)
    }
}
