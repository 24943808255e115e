import Foundation
@testable import Loader

/// Boots a fixture guest with its console captured in a temporary file.
struct GuestRun {
    var exit: GuestExit
    var console: [UInt8]
    var image: String

    var consoleText: String { String(decoding: console, as: UTF8.self) }

    static func boot(_ fixture: String, configure: (inout LoaderOptions) -> Void = { _ in }) throws -> GuestRun {
        let image = try Toolchain.build(fixture)
        let capture = URL(fileURLWithPath: image + ".console")
        _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
        let handle = try FileHandle(forWritingTo: capture)
        defer { try? handle.close() }
        var options = LoaderOptions()
        options.consoleFD = handle.fileDescriptor
        configure(&options)
        let exit = try bootImage(path: image, options: options)
        return GuestRun(exit: exit, console: Array(try Data(contentsOf: capture)), image: image)
    }
}
