import Foundation

/// An example configured with its defconfig and built for every platform it
/// enables (kvm and linuxu), once per test run and shared by the tests.
struct BuiltExample: Sendable {
    let app: AppCopy
    let buildOutput: ProcessOutput

    static let helloworld = Result { try BuiltExample(example: "helloworld") }
    static let helloSwift = Result { try BuiltExample(example: "hello-swift") }

    static func named(_ name: String) throws -> BuiltExample {
        try (name == "helloworld" ? helloworld : helloSwift).get()
    }

    init(example: String) throws {
        app = try AppCopy(example: example)
        buildOutput = try app.configureAndBuild()
    }

    /// The greeting each example prints first.
    var greeting: String {
        app.name == "helloworld" ? "Hello, world!" : "Hello from Embedded Swift!"
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
