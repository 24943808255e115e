import Glibc
import SystemPackage

/// An image file's bytes, mapped read-only and unmapped in `deinit`. Mapping
/// (rather than reading) touches only the pages the loader looks at, so debug
/// information in the file costs nothing. Linkers replace an image by
/// renaming a new file over it, which leaves this mapping intact.
final class ImageFile {
    let path: String
    /// Empty for an empty file.
    let bytes: UnsafeRawBufferPointer

    init(path: String) throws(LoaderError) {
        self.path = path
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(path, .readOnly, options: [.closeOnExec])
        } catch {
            throw LoaderError(path, "cannot open: \(error)")
        }
        defer { try? fd.close() }
        var status = stat()
        guard fstat(fd.rawValue, &status) == 0 else {
            throw LoaderError(path, "cannot stat: \(Errno(rawValue: errno))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw LoaderError(path, "not a regular file")
        }
        let size = Int(status.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd.rawValue, 0)
        guard let mapping, mapping != MAP_FAILED else {
            throw LoaderError(path, "cannot map: \(Errno(rawValue: errno))")
        }
        bytes = UnsafeRawBufferPointer(start: mapping, count: size)
    }

    deinit {
        if let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }
}
