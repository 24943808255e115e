import KconfigKit

/// Changing values, and telling the user what else changed with them.
extension Session {
    /// Space: n → m → y → n for a tristate (skipping what is not allowed),
    /// n ↔ y for a bool.
    func cycleValue() {
        guard let item = current, let symbol = item.node.symbol, item.kind == .toggle || item.kind == .submenu,
              symbol.type == .bool || symbol.type == .tristate || symbol.isChoice else { return }
        let order: [Tristate] = [.no, .module, .yes]
        let now = symbol.tristateValue
        let start = order.firstIndex(of: now)!
        for step in 1...3 {
            let next = order[(start + step) % 3]
            if symbol.inputProblem(next.description) == nil {
                apply(next.description, to: symbol)
                return
            }
        }
        showRefusal(symbol)
    }

    /// Y, M or N on the current entry.
    func setValue(_ value: Tristate) {
        guard let item = current, let symbol = item.node.symbol else { return }
        guard symbol.type == .bool || symbol.type == .tristate else { return }
        if symbol.tristateValue == value { return }
        if symbol.inputProblem(value.description) != nil { return showRefusal(symbol, wanted: value) }
        apply(value.description, to: symbol)
    }

    /// Why the value cannot be changed, on the message line.
    func showRefusal(_ symbol: Symbol, wanted: Tristate? = nil) {
        let refused = "\(symbol.name) cannot be \(wanted.map(\.description) ?? "changed")"
        message = ((symbol.limitation.map { "\(refused): \($0)." } ?? "\(refused).") + "  (? explains)", true)
    }

    /// Sets a user value and reports what else changed: options that follow
    /// it through `depends on` or `select`, and new unmet dependencies.
    func apply(_ value: String, to symbol: Symbol) {
        let kconfig = config.kconfig
        let watched = kconfig.symbols.filter { $0.type == .bool || $0.type == .tristate }
        let before = watched.map { ($0.value, $0.hasUnmetDependencies) }
        guard symbol.setUserValue(value) else { return showRefusal(symbol) }
        valuesChanged()
        var changes: [String] = []
        for (index, other) in watched.enumerated() where other !== symbol && other.value != before[index].0 {
            changes.append("\(other.name) \(before[index].0)→\(other.value)")
        }
        if let unmet = watched.indices.first(where: { !before[$0].1 && watched[$0].hasUnmetDependencies }) {
            let name = watched[unmet].name
            message = ("WARNING: \(name) is selected but its dependencies are unmet; ? on \(name) shows how to fix it", true)
            return
        }
        var text = "\(symbol.name.isEmpty ? "choice" : symbol.name)=\(symbol.value)"
        if !changes.isEmpty {
            let shown = changes.prefix(4).joined(separator: ", ")
            text += " also changed \(shown)\(changes.count > 4 ? " and \(changes.count - 4) more" : "")"
        }
        message = (text, !changes.isEmpty)
    }

    /// An edit box for an int, hex or string.
    func askValue(_ symbol: Symbol, node: MenuNode) {
        var prompt = [symbol.type == .int ? "Enter a decimal number." : symbol.type == .hex ? "Enter a hexadecimal number." : "Enter a string."]
        if let range = symbol.rangeBounds { prompt[0] += " Range: \(range.low)…\(range.high)." }
        dialog = .input(InputBox(purpose: .value(symbol), title: node.promptText, prompt: prompt, text: symbol.value))
    }

    /// The radio list of a choice's visible members.
    func openChoice(_ node: MenuNode) {
        guard let choice = node.symbol else { return }
        let members = node.children.filter { $0.symbol?.choice === choice && ($0.isVisible || layout.showsAll) }
        guard !members.isEmpty else { return }
        let cursor = members.firstIndex { $0.symbol === choice.selection } ?? 0
        dialog = .choice(ChoiceList(choice: node, members: members, cursor: cursor))
    }
}
