/// A problem that keeps the loader from starting or continuing a guest: a bad
/// image or option, `/dev/kvm` unavailable, or a host-side failure.
///
/// `description` names the place, e.g.
/// `hello.img: phdr[2]: segment [0x100000, 0x2100000) exceeds guest memory (32 MiB)`.
public struct LoaderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What the error is about: the image path, `/dev/kvm`, `options`, `console`.
    public var subject: String
    /// The field or call at fault (`phdr[2]`, `e_machine`, `KVM_CREATE_VM`), if any.
    public var field: String?
    /// What is wrong.
    public var reason: String

    public init(_ subject: String, field: String? = nil, _ reason: String) {
        self.subject = subject
        self.field = field
        self.reason = reason
    }

    public var description: String {
        [subject, field, reason].compactMap { $0 }.joined(separator: ": ")
    }
}

/// `0x` followed by lower-case hex digits: the form every message uses.
func hex<T: BinaryInteger>(_ value: T) -> String {
    "0x" + String(value, radix: 16)
}

/// `[0x100000, 0x101000)`: a half-open address range as messages print it.
func hexRange(_ start: UInt64, _ end: UInt64) -> String {
    "[\(hex(start)), \(hex(end)))"
}

/// `32 MiB` for whole MiB, otherwise the exact number of bytes.
func byteSize(_ bytes: UInt64) -> String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
}
