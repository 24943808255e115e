/// Expressions, with Linux's precedence: `||` < `&&` < `!` < comparisons.
///
/// ```
/// expression := and ('||' and)*
/// and        := unary ('&&' unary)*
/// unary      := '!' unary | '(' expression ')' | operand [comparison operand]
/// operand    := word | "quoted"
/// ```
/// Chains of `&&`/`||` are built as balanced trees, so a long chain stays shallow.
extension Parser {
    /// Nesting of `(` and `!` accepted in one expression.
    private var maximumExpressionDepth: Int { 200 }

    func parseExpression() throws(KconfigError) -> Expression {
        var operands = [try parseAnd()]
        while token.kind == .symbol(.or) {
            try advance()
            operands.append(try parseAnd())
        }
        return Expression.balanced(operands[...], Expression.or)
    }

    private func parseAnd() throws(KconfigError) -> Expression {
        var operands = [try parseUnary()]
        while token.kind == .symbol(.and) {
            try advance()
            operands.append(try parseUnary())
        }
        return Expression.balanced(operands[...], Expression.and)
    }

    private func parseUnary() throws(KconfigError) -> Expression {
        switch token.kind {
        case .symbol(.not):
            try advance()
            return .not(try nested { () throws(KconfigError) in try parseUnary() })
        case .symbol(.open):
            try advance()
            let inner = try nested { () throws(KconfigError) in try parseExpression() }
            guard token.kind == .symbol(.close) else {
                throw error("expected ')', found \(token.spelling)", at: token)
            }
            try advance()
            return inner
        default:
            return try parseComparison()
        }
    }

    private func nested(_ body: () throws(KconfigError) -> Expression) throws(KconfigError) -> Expression {
        guard expressionDepth < maximumExpressionDepth else {
            throw error("expression nested too deeply", at: token)
        }
        expressionDepth += 1
        defer { expressionDepth -= 1 }
        return try body()
    }

    private func parseComparison() throws(KconfigError) -> Expression {
        let left = try parseOperand()
        let op: ComparisonOperator? = switch token.kind {
        case .symbol(.equal): .equal
        case .symbol(.unequal): .unequal
        case .symbol(.less): .less
        case .symbol(.lessOrEqual): .lessOrEqual
        case .symbol(.greater): .greater
        case .symbol(.greaterOrEqual): .greaterOrEqual
        default: nil
        }
        guard let op else { return left }
        try advance()
        return .comparison(op, left, try parseOperand())
    }

    /// A symbol or constant: `y`/`m`/`n` and quoted text are constants
    /// (quoted `"y"` is the constant `y`, as in Linux); other words are symbols.
    func parseOperand() throws(KconfigError) -> Expression {
        switch token.kind {
        case .word(let name):
            try advance()
            return ["y", "m", "n"].contains(name) ? .constant(name) : .symbol(table.lookUp(name))
        case .quoted(let text):
            try advance()
            return .constant(text)
        default:
            throw error("expected a symbol or constant, found \(token.spelling)", at: token)
        }
    }

    /// `if EXPR` after a prompt, default, select, imply or range; nil if absent.
    func parseOptionalIf() throws(KconfigError) -> Expression? {
        guard token.kind == .keyword(.ifKeyword) else { return nil }
        try advance()
        return try parseExpression()
    }
}
