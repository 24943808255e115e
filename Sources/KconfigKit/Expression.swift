import Glibc

/// The operators of a Kconfig comparison (`A = B`, `A < B`…).
public enum ComparisonOperator: String, Sendable {
    case equal = "=", unequal = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// A Kconfig expression, as in `depends on`, `if`, `default`, `select … if`.
///
/// Operands of a comparison are `.symbol` or `.constant`, as Linux's grammar
/// allows nothing else there. `nil` where an `Expression?` is expected means
/// "no condition", i.e. `y`.
///
/// | expression     | value (n=0, m=1, y=2)                                      |
/// |----------------|------------------------------------------------------------|
/// | `A`            | A's tristate value; `n` for non-bool/tristate symbols       |
/// | `y`, `m`, `n`  | the constant                                                 |
/// | `"text"`       | `n` (as a value); its text in comparisons                    |
/// | `!E`           | `2 - E`                                                      |
/// | `E && F`       | `min(E, F)`                                                  |
/// | `E \|\| F`     | `max(E, F)`                                                  |
/// | `A op B`       | `y` or `n`; numeric when both sides parse as numbers of their type, else byte-wise string comparison (Linux's `expr_calc_value`) |
public indirect enum Expression: CustomStringConvertible {
    case symbol(Symbol)
    /// `y`, `m`, `n`, or a quoted constant such as `"x86"`.
    case constant(String)
    case not(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case comparison(ComparisonOperator, Expression, Expression)

    /// `lhs && rhs` where nil stands for `y`.
    static func and(_ lhs: Expression?, _ rhs: Expression?) -> Expression? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return .and(lhs, rhs)
    }

    /// The OR of a non-empty list, as a balanced tree (shallow however long).
    static func balancedOr(_ terms: ArraySlice<Expression>) -> Expression {
        balanced(terms, Expression.or)
    }

    /// `combine` over a non-empty list, as a balanced tree.
    static func balanced(_ terms: ArraySlice<Expression>, _ combine: (Expression, Expression) -> Expression) -> Expression {
        if terms.count <= 1 { return terms.first ?? .constant("n") }
        let middle = terms.startIndex + terms.count / 2
        return combine(balanced(terms[..<middle], combine), balanced(terms[middle...], combine))
    }

    /// Calls `body` for each mention of a symbol, left to right.
    func forEachSymbol(_ body: (Symbol) -> Void) {
        switch self {
        case .symbol(let symbol): body(symbol)
        case .constant: break
        case .not(let inner): inner.forEachSymbol(body)
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .comparison(_, let lhs, let rhs):
            lhs.forEachSymbol(body)
            rhs.forEachSymbol(body)
        }
    }

    /// The symbols the expression mentions, in order, each once.
    public var referencedSymbols: [Symbol] {
        var seen: Set<ObjectIdentifier> = []
        return allSymbols.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    private var allSymbols: [Symbol] {
        switch self {
        case .symbol(let symbol): [symbol]
        case .constant: []
        case .not(let inner): inner.allSymbols
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .comparison(_, let lhs, let rhs):
            lhs.allSymbols + rhs.allSymbols
        }
    }

    /// Whether `symbol` appears anywhere in the expression (`expr_contains_symbol`).
    func contains(_ symbol: Symbol) -> Bool {
        switch self {
        case .symbol(let other): other === symbol
        case .constant: false
        case .not(let inner): inner.contains(symbol)
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .comparison(_, let lhs, let rhs):
            lhs.contains(symbol) || rhs.contains(symbol)
        }
    }

    /// Whether the expression can only be true when `symbol` is (`expr_depends_symbol`):
    /// `S`, `S = y`, `S = m`, `S != n`, or an `&&` with such a term.
    func dependsOn(_ symbol: Symbol) -> Bool {
        switch self {
        case .symbol(let other): return other === symbol
        case .and(let lhs, let rhs): return lhs.dependsOn(symbol) || rhs.dependsOn(symbol)
        case .comparison(let op, .symbol(let other), .constant(let value)) where other === symbol:
            return (op == .equal && (value == "y" || value == "m")) || (op == .unequal && value == "n")
        default: return false
        }
    }

    /// Linux's `rewrite_m`: each `m` becomes `m && MODULES`, so that it is `n`
    /// when modules are off (or when no symbol has the `modules` option).
    func rewritingModule(modules: Symbol?) -> Expression {
        switch self {
        case .constant("m"):
            return .and(self, modules.map { .symbol($0) } ?? .constant("n"))
        case .not(let inner): return .not(inner.rewritingModule(modules: modules))
        case .and(let lhs, let rhs):
            return .and(lhs.rewritingModule(modules: modules), rhs.rewritingModule(modules: modules))
        case .or(let lhs, let rhs):
            return .or(lhs.rewritingModule(modules: modules), rhs.rewritingModule(modules: modules))
        default: return self
        }
    }

    /// The expression in Kconfig syntax, parenthesised only where needed.
    public var description: String { text(parentPrecedence: 0) }

    private var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        default: 3
        }
    }

    private func text(parentPrecedence: Int) -> String {
        let body: String
        switch self {
        case .symbol(let symbol): body = symbol.name
        case .constant(let value): body = ["y", "m", "n"].contains(value) ? value : "\"\(value)\""
        case .not(let inner): body = "!" + inner.text(parentPrecedence: 3)
        case .and(let lhs, let rhs): body = lhs.text(parentPrecedence: 2) + " && " + rhs.text(parentPrecedence: 2)
        case .or(let lhs, let rhs): body = lhs.text(parentPrecedence: 1) + " || " + rhs.text(parentPrecedence: 1)
        case .comparison(let op, let lhs, let rhs): body = "\(lhs) \(op.rawValue) \(rhs)"
        }
        return precedence < parentPrecedence ? "(\(body))" : body
    }
}

// MARK: - Evaluation (Linux's expr_calc_value)

extension Expression {
    /// The tristate value, computing symbol values as needed.
    func evaluate() -> Tristate {
        switch self {
        case .symbol(let symbol): return symbol.tristateValue
        case .constant(let value): return Tristate(constantName: value)
        case .not(let inner): return inner.evaluate().negated
        case .and(let lhs, let rhs): return lhs.evaluate().and(rhs.evaluate())
        case .or(let lhs, let rhs): return lhs.evaluate().or(rhs.evaluate())
        case .comparison(let op, let lhs, let rhs): return Self.compare(op, lhs.operand, rhs.operand)
        }
    }

    /// String value and type of a comparison operand.
    private var operand: (value: String, type: SymbolType) {
        switch self {
        case .symbol(let symbol): return (symbol.value, symbol.type)
        case .constant(let value): return (value, ["y", "m", "n"].contains(value) ? .tristate : .unknown)
        default: return (description, .unknown)
        }
    }

    private static func compare(_ op: ComparisonOperator, _ lhs: (value: String, type: SymbolType),
                                _ rhs: (value: String, type: SymbolType)) -> Tristate {
        var order = compareBytes(lhs.value, rhs.value)
        if lhs.type != .string || rhs.type != .string,
           let left = ParsedNumber(lhs.value, type: lhs.type), let right = ParsedNumber(rhs.value, type: rhs.type) {
            order = left.compare(to: right)
        }
        let result = switch op {
        case .equal: order == 0
        case .unequal: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        }
        return result ? .yes : .no
    }

    /// strcmp: bytes, not Unicode collation.
    private static func compareBytes(_ lhs: String, _ rhs: String) -> Int {
        if lhs.utf8.elementsEqual(rhs.utf8) { return 0 }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? -1 : 1
    }
}

extension Tristate {
    /// The value of a constant: `y`, `m`, `n`, and `n` for any other text.
    init(constantName: String) {
        switch constantName {
        case "y": self = .yes
        case "m": self = .module
        default: self = .no
        }
    }
}

/// A number read from a symbol's value the way Linux's `expr_parse_string`
/// does: tristates as 0/1/2, int in base 10, hex in base 16 (unsigned), any
/// other type with C's base detection (`0x…` hex, `0…` octal).
struct ParsedNumber {
    var signed: Int64 = 0
    var unsigned: UInt64 = 0
    var isUnsigned = false

    init?(_ text: String, type: SymbolType) {
        switch type {
        case .bool, .tristate:
            signed = ["n": 0, "m": 1, "y": 2][text] ?? -1
        case .hex:
            isUnsigned = true
            guard let value = Self.parse(text, { strtoull($0, $1, 16) }) else { return nil }
            unsigned = value
        default:
            guard let value = Self.parse(text, { strtoll($0, $1, type == .int ? 10 : 0) }) else { return nil }
            signed = value
        }
    }

    func compare(to other: ParsedNumber) -> Int {
        if isUnsigned || other.isUnsigned {
            let (lhs, rhs) = (isUnsigned ? unsigned : UInt64(bitPattern: signed),
                              other.isUnsigned ? other.unsigned : UInt64(bitPattern: other.signed))
            return lhs == rhs ? 0 : (lhs < rhs ? -1 : 1)
        }
        return signed == other.signed ? 0 : (signed < other.signed ? -1 : 1)
    }

    /// Runs a strto* function; nil unless the whole text was a number
    /// ending in a hex digit, without overflow (Linux's acceptance rule).
    private static func parse<T>(_ text: String,
                                 _ convert: (UnsafePointer<CChar>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T? {
        text.withCString { start in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let value = convert(start, &end)
            guard errno == 0, let end, end.pointee == 0, end > UnsafeMutablePointer(mutating: start),
                  isxdigit(Int32(UInt8(bitPattern: end[-1]))) != 0 else { return nil }
            return value
        }
    }
}

/// C's `strtoll(text, NULL, base)`: the leading number, 0 when there is none.
func cStringToInt64(_ text: String, base: Int32) -> Int64 {
    text.withCString { strtoll($0, nil, base) }
}
