import KconfigKit

/// One line of a menu screen.
public struct MenuItem {
    /// What Enter (or a value key) does on the line.
    public enum Kind: Equatable {
        /// A bool or tristate: y/m/n and Space change it.
        case toggle
        /// Opens another screen: a menu, or a `menuconfig` symbol's entries.
        case submenu
        /// Opens the choice's list of members.
        case choice
        /// An int, hex or string: Enter opens an edit box.
        case value
        /// A comment, a heading, or a value that cannot change.
        case label
    }

    public let node: MenuNode
    public let kind: Kind
    /// The value column: `[*]`, `< >`, `<M>`, `{M}`, `-*-`, `(256)`, or blanks.
    public let marker: String
    /// The rest of the line: indentation, prompt, `(NEW)`, `--->`.
    public let label: String
    /// Shown only because "show all" is on: the entry is invisible now.
    public let isHidden: Bool
}

/// The lines of one menu screen, after Linux 6.1's `build_conf` (mconf.c):
/// the same entries, markers and indentation as `make menuconfig`. Entries
/// of a symbol that are not a submenu of their own (dependent options, the
/// selected member's entries of a choice) follow it, indented.
public struct MenuItems: Equatable {
    public var showsAll = false
    public var showsNames = false

    public init(showsAll: Bool = false, showsNames: Bool = false) {
        self.showsAll = showsAll
        self.showsNames = showsNames
    }

    public func items(of menu: MenuNode) -> [MenuItem] {
        var items: [MenuItem] = []
        add(menu, screen: menu, indent: 0, to: &items)
        return items
    }

    private func add(_ node: MenuNode, screen: MenuNode, indent: Int, to items: inout [MenuItem]) {
        let visible = node.isVisible
        if showsAll ? node.prompt == nil : !visible { return }
        let hidden = !visible
        let pad = String(repeating: " ", count: indent + 1)
        guard let symbol = node.symbol else {
            if node !== screen {
                if case .menu = node.kind {
                    items.append(MenuItem(node: node, kind: .submenu, marker: "   ",
                                          label: pad + node.promptText + "  " + arrow(node), isHidden: hidden))
                    return
                }
                if case .comment = node.kind {
                    items.append(MenuItem(node: node, kind: .label, marker: "   ",
                                          label: pad + "*** \(node.promptText) ***", isHidden: hidden))
                }
            }
            addChildren(of: node, screen: screen, indent: node === screen ? indent : indent + 2, to: &items)
            return
        }
        if symbol.isChoice {
            addChoice(node, symbol, screen: screen, indent: indent, hidden: hidden, to: &items)
            return
        }
        if node === screen {
            items.append(MenuItem(node: node, kind: .label, marker: "---", label: pad + title(node), isHidden: hidden))
            addChildren(of: node, screen: screen, indent: indent + 2, to: &items)
            return
        }
        let value = symbol.tristateValue
        var kind = MenuItem.Kind.toggle
        let marker: String
        if symbol.choice != nil && value == .yes {
            (marker, kind) = ("   ", .label)
        } else {
            switch symbol.effectiveType {
            case .bool:
                marker = symbol.isChangeable ? (value == .no ? "[ ]" : "[*]") : (value == .no ? "- -" : "-*-")
            case .tristate:
                let mark = value == .yes ? "*" : value == .module ? "M" : " "
                if !symbol.isChangeable {
                    marker = "-\(mark)-"
                } else {
                    marker = symbol.selectFloor == .module ? "{\(mark)}" : "<\(mark)>"
                }
            default:
                let text = "(\(symbol.value))"
                let gap = String(repeating: " ", count: max(indent - text.utf8.count + 4, 1))
                items.append(MenuItem(node: node, kind: symbol.isChangeable ? .value : .label, marker: text,
                                      label: gap + title(node) + newMark(symbol), isHidden: hidden))
                addChildren(of: node, screen: screen, indent: indent + 2, to: &items)
                return
            }
            if !symbol.isChangeable { kind = .label }
        }
        if node.isMenuconfig {
            items.append(MenuItem(node: node, kind: .submenu, marker: marker,
                                  label: pad + title(node) + newMark(symbol) + "  " + arrow(node), isHidden: hidden))
            return
        }
        items.append(MenuItem(node: node, kind: kind, marker: marker, label: pad + title(node) + newMark(symbol),
                              isHidden: hidden))
        addChildren(of: node, screen: screen, indent: indent + 2, to: &items)
    }

    /// A choice shows its mode (when the user can change it), its prompt, the
    /// selected member and that member's own entries; in `m` or `n` mode its
    /// members follow as ordinary entries.
    private func addChoice(_ node: MenuNode, _ choice: Symbol, screen: MenuNode, indent: Int, hidden: Bool,
                           to items: inout [MenuItem]) {
        let value = choice.tristateValue
        let selected = node.children.first { $0.isVisible && $0.symbol === choice.selection }
        var marker = "   "
        if choice.isChangeable {
            marker = choice.effectiveType == .tristate
                ? (value == .yes ? "<*>" : value == .module ? "<M>" : "< >")
                : (value == .no ? "[ ]" : "[*]")
        }
        let pad = String(repeating: " ", count: indent + 1)
        if value == .yes {
            let suffix = selected.map { " (\($0.promptText))  --->" } ?? ""
            items.append(MenuItem(node: node, kind: .choice, marker: marker, label: pad + title(node) + suffix,
                                  isHidden: hidden))
            if let selected { addChildren(of: selected, screen: screen, indent: indent + 2, to: &items) }
            return
        }
        items.append(MenuItem(node: node, kind: choice.isChangeable ? .toggle : .label, marker: marker,
                              label: pad + title(node), isHidden: hidden))
        addChildren(of: node, screen: screen, indent: indent + 2, to: &items)
    }

    private func addChildren(of node: MenuNode, screen: MenuNode, indent: Int, to items: inout [MenuItem]) {
        for child in node.children { add(child, screen: screen, indent: indent, to: &items) }
    }

    /// The prompt, with the symbol's name when names are shown.
    private func title(_ node: MenuNode) -> String {
        guard showsNames, let symbol = node.symbol, !symbol.name.isEmpty else { return node.promptText }
        return "\(node.promptText) (\(symbol.name))"
    }

    /// `--->` into a submenu, `----` when it has nothing to show (mconf's `menu_is_empty`).
    private func arrow(_ node: MenuNode) -> String {
        node.children.contains(where: \.isVisible) ? "--->" : "----"
    }

    /// Linux marks symbols without a value in `.config` as new.
    private func newMark(_ symbol: Symbol) -> String {
        symbol.userValue == nil && symbol.isChangeable ? " (NEW)" : ""
    }
}
