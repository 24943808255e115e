/// Two side effects of Linux's value code that decide which symbols count as
/// *new* (without a user value) in `oldconfig`, `syncconfig`,
/// `listnewconfig` and `helpnewconfig`. The batch modes do not depend on
/// them (their output is the same either way), so the engine leaves them
/// out and these modes apply them.
///
/// | Linux function    | side effect                                                |
/// |-------------------|------------------------------------------------------------|
/// | `sym_calc_choice` | a choice in `y` mode with a visible member the user has not set loses its own user value: it is asked again (and an `optional` one reads `n` once recomputed) |
/// | `menu_is_visible` | a symbol whose prompt is hidden but which has a value and a visible entry below it counts as set |
extension Kconfig {
    /// Applies `sym_calc_choice`'s side effect to every choice, after the
    /// values are computed; the cached values stay until the next change,
    /// as Linux's do.
    func forgetUnansweredChoices() {
        for choice in choices where choice.user.isSet && choice.tristateValue == .yes {
            let unanswered = choice.choiceMembers.contains { $0.cache.visibility != .no && !$0.user.isSet }
            if unanswered { choice.user.isSet = false }
        }
    }

    /// Linux's `menu_is_visible`, side effect included.
    func isShown(_ node: MenuNode) -> Bool {
        guard let prompt = node.prompt else { return false }
        if let visibleIf = node.visibleIf, visibleIf.evaluate() == .no { return false }
        let visibility: Tristate
        if let symbol = node.symbol {
            symbol.calculate()
            visibility = symbol.promptVisibility(prompt)
        } else {
            visibility = prompt.condition?.evaluate() ?? .yes
        }
        if visibility != .no { return true }
        guard let symbol = node.symbol, symbol.tristateValue != .no else { return false }
        guard node.children.contains(where: isShown) else { return false }
        symbol.user.isSet = true
        return true
    }
}

extension Symbol {
    /// Whether `check_conf` stops at the symbol: it has no user value and the
    /// user could give it one (or it is a choice in `y` mode).
    var isNew: Bool {
        !user.isSet && (isChangeable || (isChoice && tristateValue == .yes))
    }

    /// A prompt's visibility as `sym_calc_visibility` leaves it: a tristate
    /// member at `m` is hidden while its choice is `y`.
    func promptVisibility(_ prompt: Prompt) -> Tristate {
        let visibility = prompt.condition?.evaluate() ?? .yes
        if let choice, type == .tristate, visibility == .module, choice.cache.tristate == .yes { return .no }
        return visibility
    }
}
