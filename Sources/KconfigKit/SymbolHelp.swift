/// The help `conf` shows for `?`, after Linux 6.1's `menu_get_ext_help` and
/// `get_symbol_str` (menu.c):
///
/// ```
/// CONFIG_FOO:            (only with a help text)
///
/// <help text, or "There is no help available for this option.">
/// Symbol: FOO [=y]
/// Type  : bool
/// Range : [1 10]         (int/hex with an active range)
/// Defined at Kconfig:12
///   Prompt: Foo
///   Depends on: BAR [=y] (when not `y`)
///   Visible if: …        (when the prompt's condition differs)
///   Location:
///     -> Menu
///       -> Foo (FOO [=y])
/// Selects: … / Selected by [y]: / [m]: / [n]: … / Implies: … / Implied by …
/// ```
///
/// Expressions print as Linux's `expr_gstr_print` (`annotatedText`). They
/// follow unikit's expression trees, which Linux simplifies more: long
/// dependencies may print differently from Linux's.
extension MenuNode {
    /// The text of `?` in `conf`'s dialog.
    public var helpText: String {
        var text = ""
        if let help, let symbol {
            if !symbol.name.isEmpty { text += "CONFIG_\(symbol.name):\n\n" }
            text += help + "\n"
        } else {
            text += "There is no help available for this option.\n"
        }
        if let symbol { text += symbol.helpDetails }
        return text
    }

    /// Linux's `get_prompt_str`.
    fileprivate func promptDetails(_ prompt: Prompt) -> String {
        var text = "  Prompt: \(prompt.text)\n"
        if let dependency, !dependency.isConstantYes { text += "  Depends on: \(dependency.annotatedText)\n" }
        if !Expression.sameText(dependency, prompt.condition), let condition = prompt.condition,
           !condition.isConstantYes {
            text += "  Visible if: \(condition.annotatedText)\n"
        }
        text += "  Location:\n"
        // Linux prints at most the eight innermost levels.
        for (depth, entry) in menuPath.suffix(8).enumerated() {
            text += String(repeating: " ", count: 4 + 2 * depth) + "-> " + entry.promptText
            if let symbol = entry.symbol {
                text += " (\(symbol.name.isEmpty ? "<choice>" : symbol.name) [=\(symbol.value)])"
            }
            text += "\n"
        }
        return text
    }

    /// Linux's `menu_get_prompt`: the prompt, else the symbol's name.
    public var promptText: String { prompt?.text ?? symbol?.name ?? "" }
}

extension Symbol {
    /// Linux's `get_symbol_str`.
    fileprivate var helpDetails: String {
        var text = ""
        if !name.isEmpty {
            text += "Symbol: \(name) [=\(value)]\nType  : \(type)\n"
            if type.isNumber, let range = activeRange() {
                text += "Range : [\(range.low.annotatedText) \(range.high.annotatedText)]\n"
            }
        }
        for node in nodes { if let prompt = node.prompt { text += node.definedAt + node.promptDetails(prompt) } }
        for node in nodes where node.prompt == nil {
            text += node.definedAt
            if let dependency = node.dependency, !dependency.isConstantYes {
                text += "  Depends on: \(dependency.annotatedText)\n"
            }
        }
        text += Self.targets(of: allProperties.compactMap(\.selectTarget), title: "Selects: ")
        text += Self.reverseDetails(reverseDependency, title: "Selected by")
        text += Self.targets(of: allProperties.compactMap(\.implyTarget), title: "Implies: ")
        text += Self.reverseDetails(impliedBy, title: "Implied by")
        return text + "\n\n"
    }

    private static func targets(of symbols: [Symbol], title: String) -> String {
        symbols.isEmpty ? "" : title + symbols.map { Expression.symbol($0).annotatedText }.joined(separator: " && ") + "\n"
    }

    /// Linux's `expr_gstr_print_revdep` for `y`, `m` and `n`: each term of
    /// the OR under the title of its value.
    private static func reverseDetails(_ expression: Expression?, title: String) -> String {
        guard let expression else { return "" }
        let terms = expression.orTerms
        var text = ""
        for value in [Tristate.yes, .module, .no] {
            let matching = terms.filter { $0.evaluate() == value }
            guard !matching.isEmpty else { continue }
            text += "\(title) [\(value)]:\n" + matching.map { "  - \($0.annotatedText)\n" }.joined()
        }
        return text
    }
}

extension MenuNode {
    fileprivate var definedAt: String { "Defined at \(file):\(line)\n" }
}

extension Property {
    fileprivate var selectTarget: Symbol? {
        if case .select(let target) = kind { target } else { nil }
    }

    fileprivate var implyTarget: Symbol? {
        if case .imply(let target) = kind { target } else { nil }
    }
}

extension Expression {
    var isConstantYes: Bool {
        if case .constant("y") = self { true } else { false }
    }

    /// Whether two conditions print the same, nil meaning `y` (Linux's
    /// `expr_eq`, which also sees through reordered operands).
    static func sameText(_ lhs: Expression?, _ rhs: Expression?) -> Bool {
        (lhs?.description ?? "y") == (rhs?.description ?? "y")
    }
}
