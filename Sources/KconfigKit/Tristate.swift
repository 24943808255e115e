/// The three-valued logic of Kconfig: `n` = 0, `m` = 1, `y` = 2.
///
/// | operation | rule            |
/// |-----------|-----------------|
/// | `a && b`  | `min(a, b)`     |
/// | `a \|\| b`| `max(a, b)`     |
/// | `!a`      | `2 - a`         |
public enum Tristate: Int, Comparable, Sendable, CustomStringConvertible {
    case no = 0, module = 1, yes = 2

    public static func < (lhs: Tristate, rhs: Tristate) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `&&` of Kconfig: the smaller value.
    public func and(_ other: Tristate) -> Tristate { Swift.min(self, other) }
    /// `||` of Kconfig: the larger value.
    public func or(_ other: Tristate) -> Tristate { Swift.max(self, other) }
    /// `!` of Kconfig: `2 - value`, so `!m` is `m`.
    public var negated: Tristate { Tristate(rawValue: 2 - rawValue) ?? .no }

    /// "n", "m" or "y", as written to `.config`.
    public var description: String {
        switch self {
        case .no: "n"
        case .module: "m"
        case .yes: "y"
        }
    }

    /// Parses the spellings Linux accepts from a user: the first character
    /// decides (`y`/`Y`, `m`/`M`, `n`/`N`), as in `sym_set_string_value`.
    init?(userSpelling text: String) {
        switch text.utf8.first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"): self = .yes
        case UInt8(ascii: "m"), UInt8(ascii: "M"): self = .module
        case UInt8(ascii: "n"), UInt8(ascii: "N"): self = .no
        default: return nil
        }
    }
}

/// The declared type of a symbol. `unknown` is the type of a name that is
/// referenced but never defined, and of constants.
public enum SymbolType: Sendable, CustomStringConvertible {
    case unknown, bool, tristate, int, hex, string

    /// The name Linux uses in messages (`sym_type_name`).
    public var description: String {
        switch self {
        case .unknown: "unknown"
        case .bool: "bool"
        case .tristate: "tristate"
        case .int: "integer"
        case .hex: "hex"
        case .string: "string"
        }
    }

    var isBoolOrTristate: Bool { self == .bool || self == .tristate }
    var isNumber: Bool { self == .int || self == .hex }
}
