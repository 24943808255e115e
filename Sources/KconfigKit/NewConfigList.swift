/// `listnewconfig` and `helpnewconfig`: the symbols `oldconfig` would ask
/// about, after Linux 6.1's `check_conf` in those modes (conf.c).
///
/// | mode            | per new symbol, in menu order                          |
/// |-----------------|--------------------------------------------------------|
/// | `listnewconfig` | `CONFIG_X=value` with the value it would get (`n` spelled out, strings quoted); unnamed choices print nothing |
/// | `helpnewconfig` | `-----`, its `?` help (`MenuNode.helpText`), `-----`   |
///
/// A symbol is new when the `.config` read gave it no value and the user
/// could set it, or it is a choice in `y` mode (see `DialogState`). Only
/// visible entries are searched. Nothing is written.
extension Kconfig {
    /// The lines of `listnewconfig`.
    public func newSymbolsList() -> String {
        var text = ""
        forEachNewEntry { node in
            guard let symbol = node.symbol, !symbol.name.isEmpty else { return }
            text += symbol.listLine
        }
        return text
    }

    /// The text of `helpnewconfig`.
    public func newSymbolsHelp() -> String {
        var text = ""
        forEachNewEntry { text += "-----\n\n\($0.helpText)\n-----\n" }
        return text
    }

    /// Visits each visible entry whose symbol is new, in menu order.
    private func forEachNewEntry(_ visit: (MenuNode) -> Void) {
        forgetUnansweredChoices()
        func walk(_ node: MenuNode) {
            guard isShown(node) else { return }
            if let symbol = node.symbol, symbol.isNew { visit(node) }
            node.children.forEach(walk)
        }
        walk(rootMenu)
    }
}

extension Symbol {
    /// Linux's `print_symbol_for_listconfig`: like `.config`, but `n` as `=n`.
    var listLine: String {
        switch type {
        case .unknown: return ""
        case .string: return "CONFIG_\(name)=\(Self.quoted(value))\n"
        default: return "CONFIG_\(name)=\(value)\n"
        }
    }
}
