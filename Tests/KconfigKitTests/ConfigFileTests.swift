import Foundation
import Testing
@testable import KconfigKit

/// Reading `.config`: warnings name the file and line; only bad lines are lost.
struct ConfigFileTests {
    static let tree = ["Kconfig": """
        config FLAG
        \tbool "Flag"
        config COUNT
        \tint "Count"
        \tdefault 3
        config NAME
        \tstring "Name"
        config TRI
        \ttristate "Tri"

        """]

    @Test func warningsForBadLines() throws {
        let kconfig = try load(Self.tree)
        let warnings = kconfig.loadConfig(text: """
            CONFIG_FLAG=y
            CONFIG_NOT_A_SYMBOL=y
            CONFIG_COUNT=twelve
            CONFIG_NAME=unquoted
            garbage here
            CONFIG_TRI=m
            CONFIG_FLAG=n

            """, fileName: "my.config")
        #expect(warnings.map(\.description) == [
            "my.config:2: warning: unknown symbol: NOT_A_SYMBOL",
            "my.config:3: warning: symbol value 'twelve' invalid for COUNT",
            "my.config:4: warning: symbol value 'unquoted' invalid for NAME",
            "my.config:5: warning: unexpected data: garbage here",
            "my.config:7: warning: override: reassigning to symbol FLAG",
        ])
        #expect(kconfig.symbol(named: "FLAG")?.value == "n")
        // Linux takes `m` for any tristate; without modules it then reads as `y`.
        #expect(kconfig.symbol(named: "TRI")?.value == "y")
        #expect(kconfig.symbol(named: "COUNT")?.value == "3")
    }

    @Test func valuesBecomeUserValues() throws {
        let kconfig = try load(Self.tree)
        kconfig.loadConfig(text: "CONFIG_COUNT=12\nCONFIG_NAME=\"a \\\"b\\\"\"\n# CONFIG_FLAG is not set\n", fileName: ".config")
        #expect(kconfig.symbol(named: "COUNT")?.userValue == "12")
        #expect(kconfig.symbol(named: "NAME")?.value == "a \"b\"")
        #expect(kconfig.symbol(named: "FLAG")?.userValue == "n")
        #expect(kconfig.configText().contains("CONFIG_NAME=\"a \\\"b\\\"\"\n"))
    }

    @Test func missingFileThrows() throws {
        let kconfig = try load(Self.tree)
        #expect(throws: KconfigError.self) { try kconfig.loadConfig(path: "/nonexistent/.config") }
    }

    @Test func writesOnlyWhenBytesChange() throws {
        let kconfig = try load(Self.tree)
        let folder = try makeTree([:])
        let header = folder.appendingPathComponent("include/generated/autoconf.h").path
        try kconfig.writeHeader(path: header)
        let first = try FileManager.default.attributesOfItem(atPath: header)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        try kconfig.writeHeader(path: header)
        let second = try FileManager.default.attributesOfItem(atPath: header)[.modificationDate] as? Date
        #expect(first == second)
        #expect(try String(contentsOfFile: header, encoding: .utf8) == kconfig.headerText())
    }

    @Test func writeConfigKeepsOld() throws {
        let kconfig = try load(Self.tree)
        let folder = try makeTree([".config": "CONFIG_FLAG=y\n"])
        let path = folder.appendingPathComponent(".config").path
        try kconfig.run(.olddefconfig, configPath: path)
        #expect(try String(contentsOfFile: path + ".old", encoding: .utf8) == "CONFIG_FLAG=y\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("CONFIG_FLAG=y\n"))
    }

    @Test func missingDefconfigThrows() throws {
        let kconfig = try load(Self.tree)
        #expect(throws: KconfigError.self) {
            try kconfig.run(.defconfig(file: "/nonexistent/defconfig"), configPath: "/tmp/unused.config")
        }
    }
}
