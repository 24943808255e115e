/// Setting user values, after Linux's `sym_set_string_value` and
/// `sym_set_tristate_value`.
///
/// | type           | accepted                                                         |
/// |----------------|------------------------------------------------------------------|
/// | bool, tristate | visible symbol; value between the `select` floor and the visibility; `m` only for a tristate with modules on; a `y`-visible choice member only takes `y` (which picks it) |
/// | int, hex       | valid number inside the active `range`; hex gets a `0x` prefix     |
/// | string         | anything                                                         |
extension Symbol {
    /// Sets the user value, as a user would in menuconfig.
    /// - Returns: false, changing nothing, when the value is refused.
    @discardableResult
    public func setUserValue(_ text: String) -> Bool {
        calculate()
        switch type {
        case .bool, .tristate:
            guard let value = Tristate(userSpelling: text) else { return false }
            return setUserTristate(value)
        case .unknown:
            return false
        case .int, .hex, .string:
            guard stringWithinRange(text) else { return false }
            let bytes = text.utf8
            let stored = type == .hex && !Self.hasHexPrefix(bytes) ? "0x" + text : text
            user.isSet = true
            if user.string == stored { return true }
            user.string = stored
            context.invalidateAll()
            return true
        }
    }

    private func setUserTristate(_ value: Tristate) -> Bool {
        let old = cache.tristate
        if old != value && !tristateWithinRange(value) { return false }
        user.isSet = true
        if let choice, value == .yes {
            // Picking a member also counts as the user's answer for the choice
            // and for every member they could see.
            choice.user.selection = self
            choice.user.isSet = true
            for member in choice.choiceMembers where member.cache.visibility != .no {
                member.user.isSet = true
            }
        }
        user.tristate = value
        if old != value { context.invalidateAll() }
        return true
    }

    /// Linux's `sym_tristate_within_range`.
    func tristateWithinRange(_ value: Tristate) -> Bool {
        calculate()
        let type = effectiveType
        guard cache.visibility != .no, type.isBoolOrTristate else { return false }
        if type == .bool && value == .module { return false }
        if cache.visibility <= cache.reverseDependency { return false }
        if choice != nil && cache.visibility == .yes { return value == .yes }
        return value >= cache.reverseDependency && value <= cache.visibility
    }

    /// Whether the user could change the value at all (`sym_is_changeable`).
    public var isChangeable: Bool {
        calculate()
        return cache.visibility > cache.reverseDependency
    }

    func clearUserValue() {
        user = UserValue()
    }
}
