import SystemPackage

/// Where guest console bytes go: a descriptor the caller owns (not closed here).
struct ConsoleSink {
    let fd: Int32

    /// Writes all of `bytes`: one `write` unless the descriptor takes less
    /// (EINTR retried, short writes continued). A failure is the host's, so it
    /// is a `LoaderError`, not a guest fault.
    func write(_ bytes: UnsafeRawBufferPointer) throws(LoaderError) {
        guard !bytes.isEmpty else { return }
        do {
            _ = try FileDescriptor(rawValue: fd).writeAll(bytes)
        } catch {
            throw LoaderError("console", field: "fd \(fd)", "write failed: \(error)")
        }
    }
}
