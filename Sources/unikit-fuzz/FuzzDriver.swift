import FuzzEntries
import Glibc
import SystemSupport

/// `unikit-fuzz <target> [arguments]`: one executable for every fuzz target.
///
/// Built by `Fuzz/run` with `-sanitize=fuzzer` and `-DFUZZING`, it hands the
/// arguments to libFuzzer. Built plainly (as `swift build` does), it replays
/// the files named in the arguments, so a crasher reproduces without libFuzzer.
/// The target may also come from `UNIKIT_FUZZ_TARGET`, which is how
/// libFuzzer's child processes (`-fork`, `-jobs`, `-merge`) learn it.
@main
struct FuzzDriver {
    static func main() {
        var arguments = CommandLine.arguments
        let named = arguments.count > 1 ? FuzzTarget(rawValue: arguments[1]) : nil
        if named != nil { arguments.remove(at: 1) }
        guard let target = named ?? environmentTarget() else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            printError("usage: unikit-fuzz \(names) [libFuzzer options] [corpus folders or files]")
            exit(2)
        }
        setenv("UNIKIT_FUZZ_TARGET", target.rawValue, 1)
        exit(run(target, arguments: arguments))
    }

    private static func printError(_ message: String) {
        let bytes = Array((message + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    private static func environmentTarget() -> FuzzTarget? {
        getenv("UNIKIT_FUZZ_TARGET").flatMap { FuzzTarget(rawValue: String(cString: $0)) }
    }

#if FUZZING
    private static func run(_ target: FuzzTarget, arguments: [String]) -> CInt {
        // libFuzzer keeps argv: these copies live until the process ends.
        var pointers = arguments.map { strdup($0) } + [nil]
        var argc = CInt(arguments.count)
        return pointers.withUnsafeMutableBufferPointer { buffer in
            var argv = buffer.baseAddress!
            return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput)
        }
    }
#else
    /// Replays files (folders are not walked): prints each name and what the parsers said.
    private static func run(_ target: FuzzTarget, arguments: [String]) -> CInt {
        for path in arguments.dropFirst() where !path.hasPrefix("-") {
            print("\(target.rawValue): \(path)")
            switch FileSystem.read(path) {
            case .success(let bytes): target.run(bytes).forEach { print($0) }
            case .failure(let errno):
                printError("unikit-fuzz: \(path): \(errno)")
                return 1
            }
        }
        return 0
    }
#endif
}

/// The entry libFuzzer calls (and any other driver may link against): runs
/// the target `UNIKIT_FUZZ_TARGET` names (`kconfig` when unset).
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let target = getenv("UNIKIT_FUZZ_TARGET").flatMap { FuzzTarget(rawValue: String(cString: $0)) } ?? .kconfig
    target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
