import Foundation
import Testing

/// The app-folder configuration commands: Linux's modes on the app's
/// `.config` and unikit's tree, without `include/` in the app folder.
@Suite struct AppConfigCommandTests {
    @Test func batchModesWriteOnlyTheConfig() throws {
        let app = try AppCopy(example: "helloworld")
        for command in ["allnoconfig", "allyesconfig", "alldefconfig", "defconfig", "olddefconfig"] {
            let result = try app.unikit(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout.hasSuffix(".config\n#\n"), "\(command): \(result.stdout)")
        }
        let again = try app.unikit("olddefconfig")
        #expect(again.stdout == "#\n# No change to .config\n#\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: app.folder)
        #expect(!names.contains("include"), "the app folder gets no include/: \(names)")
        #expect(names.contains(".config") && names.contains(".config.old"))
    }

    @Test func allnoconfigKeepsWhatTheChoicesNeed() throws {
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("allnoconfig").status == 0)
        let config = try read(app.folder + "/.config")
        #expect(config.contains("CONFIG_UK_NAME=\"helloworld\"\n"))
        #expect(config.contains("CONFIG_OPTIMIZE_SIZE=y\n"), "a choice keeps its default member")
    }

    @Test func savedefconfigRoundTripsThroughDefconfig() throws {
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("defconfig").status == 0)
        let full = try read(app.folder + "/.config")
        #expect(try app.unikit("savedefconfig", "minimal").status == 0)
        #expect(try read(app.folder + "/minimal") == "CONFIG_PLAT_LINUXU=y\n", "PLAT_KVM is on by default")
        #expect(try app.unikit("allnoconfig").status == 0)
        #expect(try app.unikit("defconfig", "minimal").status == 0)
        #expect(try read(app.folder + "/.config") == full)
        #expect(try app.unikit("savedefconfig").status != 0, "FILE is required: the app's defconfig is its own")
    }

    @Test func randconfigRepeatsForASeed() throws {
        let app = try AppCopy(example: "helloworld")
        let first = try runUnikit(["randconfig"], in: app.folder, environment: ["KCONFIG_SEED": "0x2a"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("KCONFIG_SEED=0x2A\n"))
        let config = try read(app.folder + "/.config")
        #expect(try runUnikit(["randconfig"], in: app.folder, environment: ["KCONFIG_SEED": "42"]).status == 0)
        #expect(try read(app.folder + "/.config") == config)
    }

    @Test func oldconfigReadsAnswersFromAPipe() throws {
        let app = try AppCopy(example: "helloworld")
        try app.write(".config", "CONFIG_PLAT_LINUXU=y\n")
        let list = try app.unikit("listnewconfig")
        #expect(list.status == 0)
        #expect(list.stdout.contains("CONFIG_PLAT_KVM=y\nCONFIG_KVM_COM1_CONSOLE=y\n"), "\(list.stdout)")
        let answers = try temporaryFolder(copying: nil) + "/answers"
        try String(repeating: "\n", count: 200).write(toFile: answers, atomically: true, encoding: .utf8)
        let dialog = try runUnikit(["oldconfig"], in: app.folder, input: answers)
        #expect(dialog.status == 0, "\(dialog.stderr)")
        #expect(dialog.stdout.hasPrefix("*\n* Restart config...\n*\n"))
        #expect(try app.unikit("listnewconfig").stdout == "")
    }
}

/// Runs `unikit …` in `folder`, adding `environment`, stdin from the file `input`.
func runUnikit(_ arguments: [String], in folder: String, environment: [String: String] = [:],
               input: String? = nil) throws -> ProcessOutput {
    var merged = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("KCONFIG_") }
    merged.merge(environment) { $1 }
    return try runConfig(arguments, in: folder, environment: merged, input: input, subcommand: nil)
}
