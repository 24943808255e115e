import Foundation
@testable import KconfigKit

/// The folder of the fixture scenarios, next to this file.
let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// A fresh temporary folder holding `files` (relative path → contents).
func makeTree(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kconfigkit-\(UUID().uuidString)")
    for (path, text) in files {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return folder
}

/// Loads a tree made of `files`, whose root is `Kconfig`.
func load(_ files: [String: String], environment: [String: String] = [:]) throws -> Kconfig {
    let folder = try makeTree(files)
    return try Kconfig(rootFile: "Kconfig", sourceTree: folder.path, environment: environment)
}

/// The message of the error thrown while loading `files`, or nil if it loads.
func loadError(_ files: [String: String]) -> String? {
    do {
        _ = try load(files)
        return nil
    } catch {
        return "\(error)"
    }
}

/// A line-by-line diff, to show what differs when golden bytes do not match.
func lineDiff(expected: String, actual: String) -> String {
    let lhs = expected.components(separatedBy: "\n"), rhs = actual.components(separatedBy: "\n")
    var out: [String] = []
    for index in 0..<max(lhs.count, rhs.count) {
        let left = index < lhs.count ? lhs[index] : "<none>", right = index < rhs.count ? rhs[index] : "<none>"
        if left != right { out.append("line \(index + 1): expected \(left.debugDescription), got \(right.debugDescription)") }
    }
    return out.joined(separator: "\n")
}
