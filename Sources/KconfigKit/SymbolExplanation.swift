/// Why a symbol has its value, why it cannot be changed, and how to fix
/// unmet dependencies: the part of menuconfig's help Linux's `mconf` leaves
/// to the reader of `Depends on:` and `Selected by:`.
extension Symbol {
    /// Sentences for a user, most important first: unmet dependencies, what
    /// limits the value, where the value comes from.
    public var explanation: [String] {
        calculate()
        var lines: [String] = []
        if hasUnmetDependencies { lines += unmetDependencyAdvice }
        if isChoice {
            if let pick = selection { lines.append("\(pick.name) is the choice's selection\(userValue == nil ? " (its default)" : " (your pick)").") }
            return lines
        }
        if let limit, let limitation {
            switch limit {
            case .hidden:
                lines.append("\(name) cannot be changed: \(limitation).")
                lines += missingConditions(visibilityCondition).map { "  Needs \($0)" }
            case .choiceMember:
                lines.append("\(name) cannot be set here: \(limitation).")
            case .selected(let floor):
                lines.append(floor >= cache.visibility ? "\(name) cannot be changed: \(limitation)."
                                                       : "\(name) cannot go below \(floor): \(limitation).")
                lines.append("  To change it, turn those off first.")
            case .moduleAtMost:
                lines.append("\(name) can be at most m: \(limitation).")
            }
        }
        lines += valueOrigin
        return lines
    }

    /// What keeps the user from choosing any value.
    private enum Limit {
        case hidden
        case choiceMember
        case selected(floor: Tristate)
        case moduleAtMost
    }

    private var limit: Limit? {
        calculate()
        if isChoice { return nil }
        if cache.visibility == .no { return .hidden }
        if choice != nil && cache.visibility == .yes { return .choiceMember }
        if type.isBoolOrTristate && cache.reverseDependency != .no { return .selected(floor: cache.reverseDependency) }
        if type == .tristate && cache.visibility == .module { return .moduleAtMost }
        return nil
    }

    /// Why the value is limited, to follow "FOO cannot be n: " (as
    /// "it is selected by BAR [=y]"); nil when nothing limits it.
    public var limitation: String? {
        switch limit {
        case .hidden?: "its prompt is hidden"
        case .choiceMember?: "it is a member of a choice: pick it in the choice instead"
        case .selected?: "it is selected by \(activeTerms(reverseDependency).joined(separator: ", "))"
        case .moduleAtMost?: "its dependencies are m"
        case nil: nil
        }
    }

    /// What gave the symbol its value.
    private var valueOrigin: [String] {
        if cache.visibility != .no && user.isSet && !(choice != nil && cache.visibility == .yes) {
            return value == defaultValue ? ["Value \(value): set by you (equal to the default)."] : ["Value \(value): set by you; the default is \(defaultValue)."]
        }
        if type.isBoolOrTristate && cache.reverseDependency != .no && cache.reverseDependency == cache.tristate {
            return ["Value \(value): forced by select."]
        }
        if type.isBoolOrTristate && cache.implied != .no && cache.tristate != .no {
            let from = activeTerms(impliedBy)
            if !from.isEmpty { return ["Value \(value): implied by \(from.joined(separator: ", "))."] }
        }
        for property in allProperties {
            guard case .defaultValue(let expression) = property.kind,
                  (property.condition?.evaluate() ?? .yes) != .no else { continue }
            return ["Value \(value): `default \(expression)` at \(property.file):\(property.line)."]
        }
        return ["Value \(value): no default applies."]
    }

    /// The value the symbol would have without the user's, all other values
    /// as they are (what menuconfig compares with to highlight changes).
    public var defaultValue: String {
        calculate()
        if let choice, cache.visibility == .yes { return choice.choiceDefault() === self ? "y" : "n" }
        guard type.isBoolOrTristate else {
            guard let active = activeDefault(), let text = Self.operandText(active.value) else { return "" }
            return clampedToRange(text)
        }
        var value = Tristate.no
        if !isChoice, let active = activeDefault() { value = active.value.evaluate().and(active.condition) }
        if cache.implied != .no { value = value.or(cache.implied).and(cache.directDependency) }
        value = value.or(cache.reverseDependency)
        if value == .module && effectiveType == .bool { value = .yes }
        return value.description
    }

    /// Why `text` cannot be this symbol's value, as a user should read it;
    /// nil when it can.
    public func inputProblem(_ text: String) -> String? {
        switch type {
        case .int where !isValidValue(text): return "'\(text)' is not a decimal integer."
        case .hex where !isValidValue(text): return "'\(text)' is not a hexadecimal number."
        case .int, .hex:
            guard !stringWithinRange(text), let range = rangeBounds else { return nil }
            return "\(text) is outside the range \(range.low)…\(range.high)."
        case .string: return nil
        case .bool, .tristate, .unknown: return setUserValueProblem(text)
        }
    }

    private func setUserValueProblem(_ text: String) -> String? {
        guard let value = Tristate(userSpelling: text) else { return "'\(text)' is not y, m or n." }
        return tristateWithinRange(value) ? nil : "\(name) cannot be \(value) now."
    }

    /// The OR of the prompts' conditions.
    private var visibilityCondition: Expression? {
        prompts.compactMap(\.condition).reduce(nil) { result, condition in result.map { .or($0, condition) } ?? condition }
    }

    /// "BAR [=n] (enable it: Menu -> Bar)" for each `&&` term that is `n`.
    private func missingConditions(_ expression: Expression?) -> [String] {
        guard let expression else { return [] }
        let failing = expression.andTerms.filter { $0.evaluate() == .no }
        return failing.map { term in
            var text = term.annotatedText
            if case .symbol(let needed) = term, let node = needed.nodes.first(where: { $0.prompt != nil }) {
                text += needed.visibility == .no ? " (itself hidden, at \(node.locationText))" : " (enable it at \(node.locationText))"
            }
            return text
        }
    }

    /// The `||` terms of a reverse dependency that are not `n`.
    private func activeTerms(_ expression: Expression?) -> [String] {
        (expression?.orTerms ?? []).filter { $0.evaluate() != .no }.map(\.annotatedText)
    }

    /// For a symbol selected against its dependencies.
    private var unmetDependencyAdvice: [String] {
        let selectors = activeTerms(reverseDependency)
        var lines = ["WARNING: \(name) is selected by \(selectors.joined(separator: ", ")) but its dependencies are not met:"]
        lines += missingConditions(directDependency).map { "  Needs \($0)" }
        lines.append("  Fix: meet those dependencies, or turn off what selects \(name).")
        return lines
    }
}

extension Expression {
    /// The operands of a chain of `&&`.
    var andTerms: [Expression] {
        if case .and(let lhs, let rhs) = self { return lhs.andTerms + rhs.andTerms }
        return [self]
    }
}

extension MenuNode {
    /// The prompts from the main menu to this node: `Menu -> Submenu -> Prompt`.
    public var locationText: String {
        menuPath.map(\.promptText).joined(separator: " -> ")
    }

    /// The nodes from the main menu's entry down to this one (the main menu excluded).
    var menuPath: [MenuNode] {
        var path: [MenuNode] = []
        var node: MenuNode? = self
        while let current = node, current.parent != nil {
            path.append(current)
            node = current.parent
        }
        return path.reversed()
    }
}

extension Symbol {
    /// The lowest value `select` allows (Linux's `rev_dep.tri`).
    public var selectFloor: Tristate {
        calculate()
        return cache.reverseDependency
    }
}

extension Symbol {
    /// The bounds of the active `range` of an int or hex symbol.
    public var rangeBounds: (low: String, high: String)? {
        calculate()
        guard type.isNumber, let range = activeRange() else { return nil }
        return (Self.operandText(range.low) ?? "", Self.operandText(range.high) ?? "")
    }
}
