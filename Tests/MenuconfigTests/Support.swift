import Foundation
import KconfigKit
@testable import Menuconfig

/// The fixture tree in a scratch build folder: its `.config` written there.
struct FixtureSession {
    let folder: String
    let session: Session

    init(config: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("menuconfig-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let config { try config.write(toFile: folder + "/.config", atomically: true, encoding: .utf8) }
        let tree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures/tree"
        let kconfig = try Kconfig(rootFile: tree + "/Kconfig", sourceTree: tree, environment: [:])
        var settings = ConfSettings()
        settings.directory = folder
        settings.createsMissingAutoConfig = false
        session = Session(config: InteractiveConfig(kconfig: kconfig, settings: settings))
    }

    func press(_ keys: Key...) {
        keys.forEach(session.handle)
    }

    func type(_ text: String) {
        text.forEach { session.handle(.character($0)) }
    }

    /// The screen at 80×24, as text.
    var screen: String { session.render(width: 80, height: 24).text }

    /// The rows of the menu list, without the frame.
    var menuLines: [String] {
        session.render(width: 80, height: 24).lines[6..<19].map { line in
            var row = String(line.dropFirst(3).dropLast(3))
            while row.last == " " { row.removeLast() }
            return row
        }.filter { !$0.isEmpty }
    }

    var savedConfig: String? { try? String(contentsOfFile: folder + "/.config", encoding: .utf8) }
}
