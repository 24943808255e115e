import Glibc
import SystemPackage
import SystemSupport

/// Replaces this process with `unikit-tool` from this executable's folder,
/// same arguments (argv[0] stays `unikit`, so messages say `unikit`).
/// Returns only when that fails, with the status a shell gives then.
func startTool(_ arguments: [String]) -> Int32 {
    let folder = Path.directory(of: FileSystem.realPath("/proc/self/exe") ?? "")
    let tool = Path.join(folder, "unikit-tool")
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    execv(tool, argv)
    let error = Errno(rawValue: errno)
    _ = try? FileDescriptor.standardError.writeAll("unikit: cannot start \(tool): \(error)\n".utf8)
    return error == .noSuchFileOrDirectory ? 127 : 126
}
