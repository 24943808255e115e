/// Value calculation, after Linux 6.1's `sym_calc_value` (scripts/kconfig/symbol.c).
///
/// | type            | value                                                                 |
/// |-----------------|-----------------------------------------------------------------------|
/// | bool, tristate  | visible and set by the user: user value limited to the visibility; otherwise the first default whose condition holds (limited by it), raised by `imply` (then limited by `depends on`); in both cases raised by `select` (reverse dependency). `m` becomes `y` for bool, and for tristate when modules are off |
/// | choice member   | when its prompt is `y`-visible: `y` for the choice's selection, else `n` |
/// | choice          | its mode; when `y`, the selection is the user's pick if visible, else the first visible `default`, else the first visible member |
/// | int, hex, string| visible and set by the user: the user value; otherwise the first active default's value; then int/hex are clamped to the first active `range` |
///
/// Values are computed lazily and cached until a user value changes (every
/// cache is dropped then; see `EvaluationContext`). A symbol met again while
/// its own value is being computed (a dependency loop) reads as `n`/empty,
/// as in Linux.
extension Symbol {
    /// The current value as written to `.config`: "y"/"m"/"n", "123", "0x1f", or the text of a string.
    public var value: String {
        calculate()
        return rawValue
    }

    public var tristateValue: Tristate {
        calculate()
        return cache.tristate
    }

    /// How far the user may set the symbol: the OR of its prompts' conditions.
    public var visibility: Tristate {
        calculate()
        return cache.visibility
    }

    /// For a choice in `y` mode: the member that is `y`.
    public var selection: Symbol? {
        calculate()
        return cache.selection
    }

    /// Whether the symbol is written to `.config` and the header (Linux's SYMBOL_WRITE).
    public var isWritten: Bool {
        calculate()
        return cache.write
    }

    /// The user's value: "y"/"m"/"n", the text of an int/hex/string, or for a
    /// choice the name of the picked member. nil when the user set nothing.
    public var userValue: String? {
        guard user.isSet else { return nil }
        if isChoice { return user.selection?.name }
        return type.isBoolOrTristate ? user.tristate.description : user.string
    }

    /// The value text without computing (Linux's `sym_get_string_value`).
    var rawValue: String { type.isBoolOrTristate ? cache.tristate.description : cache.string }

    /// Linux's `sym_get_type`: a tristate acts as a bool when modules are off,
    /// and when it is a `y`-visible choice member.
    public var effectiveType: SymbolType {
        guard type == .tristate else { return type }
        if choice != nil && cache.visibility == .yes { return .bool }
        return context.modulesValue == .no ? .bool : .tristate
    }

    func calculate() {
        guard cache.generation != context.generation else { return }
        cache.generation = context.generation
        guard type != .unknown else {
            (cache.tristate, cache.string) = (.no, name)
            return
        }
        guard context.depth < context.maximumDepth else { return resetToTypeDefault() }
        context.depth += 1
        defer { context.depth -= 1 }
        calculateFresh()
    }

    private func calculateFresh() {
        cache.write = false
        calculateVisibility()
        if cache.visibility != .no { cache.write = true }
        resetToTypeDefault()  // what a recursive reference to this symbol sees
        if type.isBoolOrTristate {
            cache.tristate = calculateTristate()
        } else {
            cache.string = calculateString()
        }
        cache.selection = isChoice && cache.tristate == .yes ? calculateChoice() : nil
        validateRange()
        if context.modulesSymbol === self { context.modulesValue = cache.tristate }
        if isChoice && cache.write { markVisibleMembersWritten() }
        if isChoice { cache.write = false }  // Linux's SYMBOL_NO_WRITE: members are written, not the choice
    }

    /// Linux marks the members of a written choice that were visible when
    /// last computed as written. Only the member whose computation this one
    /// is part of keeps the mark (the others are computed afresh later):
    /// when it has just become hidden, `.config` lists it as `n`, as Linux's does.
    private func markVisibleMembersWritten() {
        for member in choiceMembers where member.cache.visibility != .no { member.cache.write = true }
    }

    private func resetToTypeDefault() {
        cache.tristate = .no
        cache.string = type.isBoolOrTristate ? "n" : ""
    }

    /// Linux's `sym_calc_visibility`.
    func calculateVisibility() {
        var visibility = Tristate.no
        for prompt in prompts {
            var shown = prompt.condition?.evaluate() ?? .yes
            // A tristate member at `m` is hidden while its choice is `y`.
            if let choice, type == .tristate, shown == .module, choice.cache.tristate == .yes { shown = .no }
            visibility = visibility.or(shown)
        }
        if visibility == .module && (type != .tristate || context.modulesValue == .no) { visibility = .yes }
        cache.visibility = visibility
        guard choice == nil else { return }  // Linux leaves these unset for choice members
        cache.directDependency = promotedForBool(directDependency?.evaluate() ?? .yes)
        cache.reverseDependency = promotedForBool(reverseDependency?.evaluate() ?? .no)
        cache.implied = promotedForBool(impliedBy?.evaluate() ?? .no)
    }

    private func promotedForBool(_ value: Tristate) -> Tristate {
        value == .module && effectiveType == .bool ? .yes : value
    }

    private func calculateTristate() -> Tristate {
        var value = Tristate.no
        if let choice, cache.visibility == .yes {
            value = choice.cache.selection === self ? .yes : .no
        } else {
            value = cache.visibility != .no && user.isSet ? user.tristate.and(cache.visibility) : defaultTristate()
            if cache.directDependency < cache.reverseDependency { context.unmetDependencyObserver?(self) }
            value = value.or(cache.reverseDependency)
        }
        return promotedForBool(value)
    }

    /// The value of a bool/tristate the user did not set (or cannot see).
    private func defaultTristate() -> Tristate {
        if cache.reverseDependency != .no { cache.write = true }
        guard !isChoice else { return .no }
        var value = Tristate.no
        if let active = activeDefault() {
            value = active.value.evaluate().and(active.condition)
            if value != .no { cache.write = true }
        }
        if cache.implied != .no {
            cache.write = true
            value = value.or(cache.implied).and(cache.directDependency)
        }
        return value
    }

    private func calculateString() -> String {
        if cache.visibility != .no && user.isSet, let text = user.string { return text }
        guard let active = activeDefault() else { return "" }
        guard let text = Self.operandText(active.value) else { return "" }
        cache.write = true
        return text
    }

    /// The first default whose condition is not `n`, with that condition's value.
    func activeDefault() -> (value: Expression, condition: Tristate)? {
        for (value, condition) in defaults {
            let shown = condition?.evaluate() ?? .yes
            if shown != .no { return (value, shown) }
        }
        return nil
    }

    /// The raw value of a single-symbol expression (Linux's `curr.val`), nil otherwise.
    static func operandText(_ expression: Expression) -> String? {
        switch expression {
        case .symbol(let symbol):
            symbol.calculate()
            return symbol.cache.string
        case .constant(let text): return text
        default: return nil
        }
    }

    /// Linux's `sym_calc_choice`: the member that is `y` in a `y`-mode choice.
    ///
    /// Linux also drops the choice's user flag here when a visible member has
    /// no user value (so that `oldconfig` asks again); as that flag feeds the
    /// choice's own mode, an `optional` choice would flip to `n` at the next
    /// recalculation. Values here never depend on how often they are computed,
    /// so the flag is left alone; the first computation, the one Linux writes
    /// out, is the same.
    private func calculateChoice() -> Symbol? {
        choiceMembers.forEach { $0.calculateVisibility() }
        if let pick = user.selection, pick.cache.visibility != .no { return pick }
        if let fallback = choiceDefault() { return fallback }
        cache.tristate = .no
        return nil
    }

    /// Linux's `sym_choice_default`: the first visible `default`, else the first visible member.
    func choiceDefault() -> Symbol? {
        for (value, condition) in defaults where (condition?.evaluate() ?? .yes) != .no {
            if case .symbol(let member) = value, member.cache.visibility != .no { return member }
        }
        return choiceMembers.first { $0.cache.visibility != .no }
    }
}
