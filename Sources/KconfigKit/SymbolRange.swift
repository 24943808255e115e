/// Validity and `range` checks of int/hex/string values, after Linux's
/// `sym_string_valid`, `sym_string_within_range` and `sym_validate_range`.
///
/// | type   | valid text                                                        |
/// |--------|-------------------------------------------------------------------|
/// | int    | optional `-`, then digits without a leading `0` (except `0` itself) |
/// | hex    | optional `0x`/`0X`, then at least one hex digit                    |
/// | string | anything                                                          |
/// | bool, tristate | first character `y`, `m` or `n` (either case)             |
extension Symbol {
    /// Whether `text` is a well-formed value for this symbol's type.
    public func isValidValue(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch type {
        case .string: return true
        case .int: return Self.isDecimal(bytes)
        case .hex: return Self.isHex(bytes)
        case .bool, .tristate: return Tristate(userSpelling: text) != nil
        case .unknown: return false
        }
    }

    private static func isDecimal(_ bytes: [UInt8]) -> Bool {
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        guard let first = digits.first, first.isDigit else { return false }
        if first == UInt8(ascii: "0") && digits.count > 1 { return false }
        return digits.allSatisfy(\.isDigit)
    }

    private static func isHex(_ bytes: [UInt8]) -> Bool {
        let digits = hasHexPrefix(bytes) ? bytes.dropFirst(2) : bytes[...]
        return !digits.isEmpty && digits.allSatisfy(\.isHexDigit)
    }

    static func hasHexPrefix<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        let prefix = Array(bytes.prefix(2))
        return prefix.count == 2 && prefix[0] == UInt8(ascii: "0") && (prefix[1] | 0x20) == UInt8(ascii: "x")
    }

    /// Whether the user may set `text`: valid, and inside the active range.
    func stringWithinRange(_ text: String) -> Bool {
        switch type {
        case .string: return true
        case .int, .hex:
            guard isValidValue(text) else { return false }
            guard let range = activeRange() else { return true }
            let base: Int32 = type == .int ? 10 : 16
            let value = cStringToInt64(text, base: base)
            return value >= bound(range.low, base: base).number && value <= bound(range.high, base: base).number
        case .bool, .tristate:
            return Tristate(userSpelling: text).map(tristateWithinRange) ?? false
        case .unknown: return false
        }
    }

    /// Clamps an int/hex value to the first active range; the value becomes the
    /// text of the bound it crossed, as in Linux.
    func validateRange() {
        guard type.isNumber else { return }
        cache.string = clampedToRange(cache.string)
    }

    /// `text` as an int/hex value limited by the first active range.
    func clampedToRange(_ text: String) -> String {
        guard type.isNumber, let range = activeRange() else { return text }
        let base: Int32 = type == .int ? 10 : 16
        let value = cStringToInt64(text, base: base)
        let low = bound(range.low, base: base)
        guard value >= low.number else { return low.text }
        let high = bound(range.high, base: base)
        return value > high.number ? high.text : text
    }

    /// The first `range` whose condition is not `n`.
    func activeRange() -> (low: Expression, high: Expression)? {
        for (low, high, condition) in ranges where (condition?.evaluate() ?? .yes) != .no {
            return (low, high)
        }
        return nil
    }

    /// A range bound's text and number; a bound symbol's own type decides the base.
    private func bound(_ operand: Expression, base: Int32) -> (text: String, number: Int64) {
        let text = Self.operandText(operand) ?? ""
        var base = base
        if case .symbol(let symbol) = operand, symbol.type.isNumber {
            base = symbol.type == .int ? 10 : 16
        }
        return (text, cStringToInt64(text, base: base))
    }
}

extension UInt8 {
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isHexDigit: Bool { isDigit || ((self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "f")) }
}
