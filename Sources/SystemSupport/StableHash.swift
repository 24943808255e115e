/// A 64-bit FNV-1a hash: the same bytes give the same value on every run
/// and machine (unlike `Hasher`, which is seeded per process). Used for
/// the command lines in the build log, the configuration in each image, and
/// the names and fingerprints of KconfigKit's shell history.
package struct StableHash {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func combine<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }
    }

    /// The hash of a command line: the arguments separated by NUL bytes, so
    /// that ["a b"] and ["a", "b"] differ.
    package static func of(command: [String]) -> UInt64 {
        var hash = StableHash()
        for argument in command {
            hash.combine(argument.utf8)
            hash.combine(CollectionOfOne(0))
        }
        return hash.value
    }

    package static func of(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(text.utf8)
        return hash.value
    }

    /// Sixteen lower-case hexadecimal digits.
    package static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
