/// What the `all*config` modes (and `defconfig`) give the symbols their
/// input left without a value: Linux 6.1's `conf_set_all_new_symbols`
/// (conf.c) for every mode but `randconfig` (see `RandomConfig`).
///
/// | mode           | every bool/tristate symbol and choice without a value | then |
/// |----------------|-------------------------------------------------------|------|
/// | `allnoconfig`  | user value `n`                                        | values follow from the rules: selects, dependencies, non-optional choices still `y` |
/// | `allyesconfig` | user value `y`                                        | limited by visibility (`m` where only `m` is allowed) |
/// | `allmodconfig` | user value `m`                                        | a bool reads `m` as `y`; a tristate is `y` without modules |
/// | `alldefconfig`, `defconfig` | nothing                                  | defaults |
///
/// int, hex and string symbols always take their defaults. A choice that
/// still has no value afterwards is marked answered, with every member
/// the user did not set at `n`, so that its default member is picked.
public enum NewSymbolValue: Sendable {
    case no, yes, module
    /// Leave them to their defaults.
    case defaults

    var tristate: Tristate? {
        switch self {
        case .no: .no
        case .yes: .yes
        case .module: .module
        case .defaults: nil
        }
    }
}

extension Kconfig {
    /// Gives every bool/tristate symbol and choice the user has not set the
    /// value `value` (Linux's `conf_set_all_new_symbols` without `def_random`).
    public func setNewSymbols(to value: NewSymbolValue) {
        let ordered = symbolsAndChoicesInLinuxOrder
        if let tristate = value.tristate {
            for symbol in ordered where !symbol.user.isSet && symbol.type.isBoolOrTristate {
                symbol.user.tristate = tristate
                symbol.user.isSet = true
            }
        }
        invalidateValues()
        for choice in ordered where choice.isChoice && !choice.user.isSet {
            choice.calculate()
            choice.setAllChoiceValues()
        }
    }
}

extension Symbol {
    /// Linux's `set_all_choice_values`: the choice counts as answered; members
    /// without a user value get `n` (still without counting as set).
    func setAllChoiceValues() {
        for member in choiceMembers where !member.user.isSet { member.user.tristate = .no }
        user.isSet = true
        invalidate()
    }

    /// Drops this symbol's cached value only, as Linux clears one symbol's
    /// SYMBOL_VALID: symbols computed from it keep theirs until the next
    /// `invalidateValues()`. Modes that replay Linux's exact sequence of
    /// changes need this.
    func invalidate() {
        cache.generation = -1
    }

    /// Whether the cached value is current (Linux's SYMBOL_VALID).
    var isValueCurrent: Bool { cache.generation == context.generation }
}
