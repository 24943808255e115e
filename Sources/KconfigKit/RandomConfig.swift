/// `randconfig`: random values for the symbols the input left unset, drawn
/// exactly as Linux 6.1's `conf_set_all_new_symbols(def_random)` draws them
/// (conf.c), from glibc's generator (`GlibcRandom`) — so a seed gives the
/// same `.config` as Linux's `conf` with the same `KCONFIG_SEED`.
///
/// | pass | what happens |
/// |------|--------------|
/// | 1    | each bool/tristate symbol and choice without a value, in Linux's hash order, draws `rand() % 100`: a tristate is `y` below `tristateYes`, `m` below `tristateYes + tristateModule`, else `n`; a bool is `y` below `boolYes`. Symbols take it as their user value; choices only remember it |
/// | each | every choice still without a value is computed; one in `y` mode picks member number `rand() % members` (counting invisible ones) and becomes answered |
/// | repeat | while a pass changed anything (a picked member may put another choice in `y` mode) |
///
/// Choices not in `y` mode keep their members' drawn values, limited as
/// usual. int, hex and string symbols take their defaults.
extension Kconfig {
    /// Draws values for every bool/tristate symbol and choice the user has not set.
    public func randomizeNewSymbols(seed: UInt32, probabilities: RandomProbabilities) {
        var random = GlibcRandom(seed: seed)
        // Linux has computed nothing yet at this point (or forgot it all when
        // reading KCONFIG_ALLCONFIG): every symbol is a candidate.
        symbolsAndChoicesInLinuxOrder.forEach { $0.invalidate() }
        while randomizePass(&random, probabilities) {}
    }

    /// One call of Linux's `conf_set_all_new_symbols(def_random)`.
    private func randomizePass(_ random: inout GlibcRandom, _ probabilities: RandomProbabilities) -> Bool {
        let ordered = symbolsAndChoicesInLinuxOrder
        var changed = false
        // Symbols computed since the last pass are skipped, as in Linux.
        for symbol in ordered where !symbol.user.isSet && !symbol.isValueCurrent && symbol.type.isBoolOrTristate {
            changed = true
            symbol.user.tristate = probabilities.draw(random.next() % 100, tristate: symbol.type == .tristate)
            if !symbol.isChoice { symbol.user.isSet = true }
        }
        invalidateValues()
        for choice in ordered where choice.isChoice && !choice.user.isSet {
            choice.calculate()
            if choice.randomizeMembers(&random) { changed = true }
        }
        return changed
    }
}

extension RandomProbabilities {
    /// The value a draw `percent` in 0..<100 gives.
    func draw(_ percent: Int, tristate: Bool) -> Tristate {
        if tristate {
            if percent < tristateYes { return .yes }
            return percent < tristateYes + tristateModule ? .module : .no
        }
        return percent < boolYes ? .yes : .no
    }
}

extension Symbol {
    /// Linux's `randomize_choice_values`: a choice in `y` mode picks a random
    /// member; the others become `n`. Only these symbols are recomputed.
    /// - Returns: whether the choice was in `y` mode.
    fileprivate func randomizeMembers(_ random: inout GlibcRandom) -> Bool {
        guard cache.tristate == .yes, !choiceMembers.isEmpty else { return false }
        let picked = random.next() % choiceMembers.count
        for (index, member) in choiceMembers.enumerated() {
            member.user.tristate = index == picked ? .yes : .no
            member.user.isSet = true
            member.invalidate()
        }
        user.selection = choiceMembers[picked]
        user.isSet = true
        invalidate()
        return true
    }
}
