/// Expressions as Linux prints them in messages and help (expr_print with
/// expr_print_gstr_helper): comparisons without blanks, constants without
/// quotes, and every symbol of a known type followed by its current value.
///
///     A [=y] && (B [=n] || C=3) && !D [=m]
extension Expression {
    public var annotatedText: String { annotated(parentPrecedence: 0) }

    /// Linux's expr_compare_type order: `||` binds loosest, then `&&`, `!`,
    /// comparisons; a child binding looser than its parent gets parentheses.
    private var linuxPrecedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .not: 3
        case .comparison: 4
        case .symbol, .constant: 5
        }
    }

    private func annotated(parentPrecedence: Int) -> String {
        let body: String
        switch self {
        case .symbol(let symbol): body = Self.annotated(symbol)
        // y, m and n are tristate symbols in Linux: they show a value too.
        case .constant(let value): body = ["y", "m", "n"].contains(value) ? "\(value) [=\(value)]" : value
        case .not(let inner): body = "!" + inner.annotated(parentPrecedence: 3)
        case .and(let lhs, let rhs): body = lhs.annotated(parentPrecedence: 2) + " && " + rhs.annotated(parentPrecedence: 2)
        case .or(let lhs, let rhs): body = lhs.annotated(parentPrecedence: 1) + " || " + rhs.annotated(parentPrecedence: 1)
        case .comparison(let op, let lhs, let rhs):
            body = lhs.annotated(parentPrecedence: 5) + op.rawValue + rhs.annotated(parentPrecedence: 5)
        }
        return linuxPrecedence < parentPrecedence ? "(\(body))" : body
    }

    private static func annotated(_ symbol: Symbol) -> String {
        // Linux prints a choice without a value: it has no name to look up.
        if symbol.name.isEmpty { return "<choice>" }
        return symbol.type == .unknown ? symbol.name : "\(symbol.name) [=\(symbol.value)]"
    }

    /// The OR terms of an expression built as a (balanced) tree of ORs.
    var orTerms: [Expression] {
        if case .or(let lhs, let rhs) = self { return lhs.orTerms + rhs.orTerms }
        return [self]
    }
}
