/// Hello world in Embedded Swift: greets, prints its arguments and exits
/// with the configured status, unless an argument "exit=N" chooses another.
@_cdecl("main")
func helloMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    print("Hello from Embedded Swift!")
    var status = Int32(CONFIG_HELLO_SWIFT_EXIT_STATUS)
    for index in 0..<Int(argc) {
        guard let pointer = argv[index] else { continue }
        let argument = String(cString: pointer)
        print("argv[\(index)]: \(argument)")
        if index > 0, let chosen = exitStatus(in: argument) {
            status = chosen
        }
    }
    return status
}

/// The N of an argument "exit=N". Compares bytes: String's own prefix test
/// applies Unicode normalization, whose tables would triple the image size.
func exitStatus(in argument: String) -> Int32? {
    let prefix = "exit=".utf8
    guard argument.utf8.starts(with: prefix) else { return nil }
    return Int32(Substring(argument.utf8.dropFirst(prefix.count)))
}
