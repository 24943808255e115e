/// `savedefconfig`: the smallest file that `defconfig` turns back into the
/// same `.config`, byte for byte as Linux 6.1's `conf_write_defconfig`
/// (confdata.c).
///
/// The menu tree is walked in order (into hidden menus too). A symbol is
/// written, as in `.config`, at the first entry where it would be written
/// to `.config`, unless
///
/// | skipped when                                   | because                       |
/// |------------------------------------------------|-------------------------------|
/// | the user cannot change it (hidden, or forced by `select`) | `defconfig` gets it anyway |
/// | its value equals its default (`Symbol.defaultText`) | `defconfig` gets it anyway  |
/// | it is the `y` bool member a non-optional choice picks by default | the choice picks it anyway |
///
/// Choices themselves, menus and comments write nothing.
extension Kconfig {
    /// The text of a minimal configuration for the current values.
    public func minimalConfigText() -> String {
        invalidateValues()
        var handled: Set<ObjectIdentifier> = []
        var text = ""
        func walk(_ node: MenuNode) {
            if let symbol = node.symbol, !symbol.isChoice, symbol.isWritten,
               handled.insert(ObjectIdentifier(symbol)).inserted, symbol.belongsInMinimalConfig {
                text += symbol.configLine
            }
            node.children.forEach(walk)
        }
        rootMenu.children.forEach(walk)
        return text
    }
}

extension Symbol {
    /// Whether a written symbol differs from what `defconfig` would give it.
    fileprivate var belongsInMinimalConfig: Bool {
        guard isChangeable, value != defaultText else { return false }
        guard let choice, !choice.isOptional, choice.choiceDefault() === self else { return true }
        return !(type == .bool && tristateValue == .yes)
    }

    /// The value without the user's (Linux's `sym_get_string_default`): the
    /// active default limited by its condition, raised by `select` and
    /// `imply`; `m` reads `y` for a bool and without modules. Unlike the
    /// value, an int/hex default is not clamped to its range.
    var defaultText: String {
        calculateVisibility()
        var value = Tristate.no
        var text = ""
        if let active = activeDefault() {
            if type.isBoolOrTristate {
                value = active.value.evaluate().and(active.condition)
            } else {
                text = Self.operandText(active.value) ?? ""
            }
        }
        value = value.or(cache.reverseDependency)
        if value == .module && choice == nil && context.modulesValue == .no { value = .yes }
        if type == .bool && value == .module { value = .yes }
        value = value.or(cache.implied)
        return type.isBoolOrTristate ? value.description : text
    }
}
