import Glibc

/// How `randconfig` draws bool and tristate values: the percentages of
/// Linux's `KCONFIG_PROBABILITY` (conf.c).
///
/// | `KCONFIG_PROBABILITY` | bool `y` | tristate `y` | tristate `m`   |
/// |-----------------------|----------|--------------|----------------|
/// | unset or empty        | 50       | 33           | 33             |
/// | `P`                   | P        | P − P/2      | P/2            |
/// | `Y:M`                 | Y + M    | Y            | M              |
/// | `B:Y:M`               | B        | Y            | M              |
///
/// Numbers are read as C's `strtol` reads them and may be separated by `:`;
/// text that is not a number reads as 0. Each must lie in 0…100, and
/// tristate `y` + `m` must not exceed 100.
public struct RandomProbabilities: Equatable, Sendable {
    public var boolYes = 50
    public var tristateYes = 33
    public var tristateModule = 33

    public init() {}

    /// The probabilities `KCONFIG_PROBABILITY` sets.
    /// - Throws: `RandomSettingsError.probabilityOutOfRange` as Linux's conf refuses the value.
    public init(environmentValue value: String?) throws(RandomSettingsError) {
        let numbers = try Self.numbers(in: value ?? "")
        switch numbers.count {
        case 1:
            boolYes = numbers[0]
            tristateModule = boolYes / 2
            tristateYes = boolYes - tristateModule
        case 2:
            (tristateYes, tristateModule) = (numbers[0], numbers[1])
            boolYes = tristateYes + tristateModule
        case 3:
            (boolYes, tristateYes, tristateModule) = (numbers[0], numbers[1], numbers[2])
        default: break
        }
        guard tristateYes + tristateModule <= 100 else { throw .probabilityOutOfRange }
    }

    /// Up to three numbers, as conf's loop over `strtol` finds them.
    private static func numbers(in text: String) throws(RandomSettingsError) -> [Int] {
        let found = text.withCString { start -> [Int]? in
            var numbers: [Int] = []
            var cursor = start
            while cursor.pointee != 0 && numbers.count < 3 {
                var end: UnsafeMutablePointer<CChar>?
                let value = strtol(cursor, &end, 10)
                guard (0...100).contains(value) else { return nil }
                numbers.append(value)
                // Like conf: a non-number reads as 0 and does not advance.
                cursor = UnsafePointer(end ?? UnsafeMutablePointer(mutating: cursor))
                if cursor.pointee == CChar(UInt8(ascii: ":")) { cursor += 1 }
            }
            return numbers
        }
        guard let found else { throw .probabilityOutOfRange }
        return found
    }
}

/// `KCONFIG_SEED` as Linux's conf reads it: C's `strtol` with base 0
/// (`0x…` hex, `0…` octal, else decimal), taken modulo 2^32; nil when
/// unset, empty, or followed by anything but the number.
public func randomSeed(environmentValue value: String?) -> UInt32? {
    guard let value, !value.isEmpty else { return nil }
    return value.withCString { start -> UInt32? in
        var end: UnsafeMutablePointer<CChar>?
        let number = strtol(start, &end, 0)
        guard let end, end.pointee == 0 else { return nil }
        return UInt32(truncatingIfNeeded: number)
    }
}

/// Why `randconfig` settings were refused.
public enum RandomSettingsError: Error, Equatable, Sendable {
    /// `KCONFIG_PROBABILITY` has a number outside 0…100, or tristate `y` + `m` > 100.
    case probabilityOutOfRange
}
