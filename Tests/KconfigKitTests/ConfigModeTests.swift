import Testing
@testable import KconfigKit

/// Modes by conf's names; the batch convenience keeps its contract.
struct ConfigModeTests {
    @Test func everyNameParses() {
        for name in ConfigMode.names {
            let file: String? = ConfigMode.needsFile(name) ? "FILE" : nil
            #expect(ConfigMode(name: name, file: file) != nil, "\(name)")
            #expect(ConfigMode(name: name, file: file == nil ? "FILE" : nil) == nil, "\(name)")
        }
        #expect(ConfigMode(name: "menuconfig", file: nil) == nil)
        #expect(ConfigMode(name: "defconfig", file: "x") == .defconfig(file: "x"))
    }

    @Test func settingsFromTheEnvironment() {
        let settings = ConfSettings(environment: [
            "KCONFIG_CONFIG": "my.config", "KCONFIG_AUTOHEADER": "h.h", "srctree": "/src",
            "KCONFIG_OVERWRITECONFIG": "", "KCONFIG_NOSILENTUPDATE": "1", "KCONFIG_WERROR": "",
        ])
        #expect(settings.configPath == "my.config")
        #expect(settings.autoConfigPaths.header == "h.h")
        #expect(settings.autoConfigPaths.autoConfig == "include/config/auto.conf")
        #expect(settings.sourceTree == "/src")
        #expect(!settings.overwritesConfig)
        #expect(settings.refusesSilentUpdate)
        #expect(settings.warningsAreErrors)
        #expect(!settings.warnsUnknownSymbols)
    }
}
