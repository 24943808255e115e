/// A prompt: the text a user sees, and when it is shown.
public struct Prompt {
    public let text: String
    /// After loading: the prompt's own `if`, the node's dependencies and the
    /// `visible if` of enclosing menus, ANDed. nil means always.
    public internal(set) var condition: Expression?
}

/// A property of a symbol or choice other than its prompt, with its own `if`.
public struct Property {
    public enum Kind {
        /// `default EXPR` (also from `def_bool`/`def_tristate`).
        case defaultValue(Expression)
        case select(Symbol)
        case imply(Symbol)
        case range(low: Expression, high: Expression)
    }

    public let kind: Kind
    /// After loading: the `if` of the property ANDed with the node's dependencies.
    public internal(set) var condition: Expression?
    public let file: String
    public let line: Int
}

/// One entry of the menu tree: a symbol or choice definition, a `menu`, or a
/// `comment`. `if` blocks add their condition to the entries inside and leave
/// no node of their own, as Linux flattens them.
///
/// A symbol defined in several places has one node per definition; each node
/// carries the properties written at that place.
public final class MenuNode {
    public enum Kind {
        case symbol(Symbol)
        case choice(Symbol)
        case menu
        case comment
    }

    public let kind: Kind
    public let file: String
    public let line: Int
    public internal(set) var prompt: Prompt?
    /// True for `menuconfig` entries (their prompt opens a submenu in a UI).
    public internal(set) var isMenuconfig = false
    public internal(set) weak var parent: MenuNode?
    public internal(set) var children: [MenuNode] = []
    public internal(set) var help: String?
    /// Before loading ends: this entry's `depends on` (and enclosing `if`s).
    /// After: also every enclosing menu's, `if`'s and choice's dependency.
    public internal(set) var dependency: Expression?
    /// `visible if` of a menu (nil: no such clause).
    public internal(set) var visibleIf: Expression?
    /// Defaults, selects, implies and ranges written at this node.
    public internal(set) var properties: [Property] = []

    init(kind: Kind, file: String, line: Int) {
        self.kind = kind
        self.file = file
        self.line = line
    }

    /// The symbol of a symbol or choice node.
    public var symbol: Symbol? {
        switch kind {
        case .symbol(let symbol), .choice(let symbol): symbol
        case .menu, .comment: nil
        }
    }

    /// Whether a UI shows this node (Linux's `menu_is_visible`): it has a
    /// prompt, its `visible if` holds, and its prompt condition is not `n` —
    /// or, for a symbol with a hidden prompt but a value, a child is visible.
    public var isVisible: Bool {
        guard let prompt else { return false }
        if let visibleIf, visibleIf.evaluate() == .no { return false }
        if (prompt.condition?.evaluate() ?? .yes) != .no { return true }
        guard let symbol, symbol.tristateValue != .no else { return false }
        return children.contains { $0.isVisible }
    }

    func append(_ child: MenuNode) {
        child.parent = self
        children.append(child)
    }

    /// Breaks the reference cycles between nodes, symbols and expressions.
    func releaseReferences() {
        children.forEach { $0.releaseReferences() }
        children = []
        properties = []
        dependency = nil
        visibleIf = nil
        prompt = nil
    }
}
