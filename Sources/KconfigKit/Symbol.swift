/// State shared by all symbols of one `Kconfig`: which values are current,
/// and the `modules` symbol that decides whether tristates may be `m`.
final class EvaluationContext {
    /// Cached values are current when their generation equals this one;
    /// bumping it invalidates every symbol at once.
    var generation = 0
    weak var modulesSymbol: Symbol?
    /// Linux's `modules_val`: `n` unless a `modules` symbol is set.
    var modulesValue: Tristate = .no
    /// Depth of nested value computations; past `maximumDepth` a symbol is
    /// treated as recursively referenced, so hostile trees cannot overflow the stack.
    var depth = 0
    let maximumDepth = 400
    /// Called each time a symbol's value is computed while `select` forces it
    /// above its own dependencies (where Linux's `sym_calc_value` prints its
    /// "unmet direct dependencies" warning); `Conf` prints it then too.
    var unmetDependencyObserver: ((Symbol) -> Void)?

    /// Linux's `sym_clear_all_valid`: forget every value, then settle the
    /// `modules` symbol first since every tristate's type depends on it.
    func invalidateAll() {
        generation += 1
        modulesSymbol?.calculate()
    }
}

/// A Kconfig symbol, or a choice.
///
/// **Choices** are symbols with `isChoice` set, as in Linux: their value is
/// the choice's mode (`y` for a bool choice in use, `m`/`n` for tristate
/// ones), `selection` is the member that is `y`, and `choiceMembers` lists the
/// bool/tristate symbols defined inside. Choices are not in
/// `Kconfig.symbols`; they are in `Kconfig.choices`. Members point back
/// through `choice`.
///
/// A `Symbol` belongs to the `Kconfig` that made it and is usable while that
/// `Kconfig` is alive.
public final class Symbol: CustomStringConvertible {
    /// The name (empty for an unnamed choice).
    public let name: String
    public internal(set) var type: SymbolType = .unknown
    /// Where the symbol is defined, in order (empty for a name only referenced).
    public internal(set) var nodes: [MenuNode] = []
    public let isChoice: Bool
    /// The choice this symbol is a member of.
    public internal(set) weak var choice: Symbol?
    /// For a choice: its members, in order.
    public internal(set) var choiceMembers: [Symbol] = []
    /// For a choice: `optional` was given (all members may be `n`).
    public internal(set) var isOptional = false
    /// OR of the dependencies of all definitions (Linux's `dir_dep`).
    public internal(set) var directDependency: Expression?
    /// OR of `SELECTOR && condition` over all `select`s of this symbol (`rev_dep`).
    public internal(set) var reverseDependency: Expression?
    /// OR of `IMPLIER && condition` over all `imply`s of this symbol.
    public internal(set) var impliedBy: Expression?

    /// Order of creation among the tree's symbols and choices (0, 1, 2…):
    /// with the name it fixes Linux's hash order; also a dense index.
    let creationIndex: Int
    let context: EvaluationContext
    var user = UserValue()
    var cache = CachedValue()

    init(name: String, isChoice: Bool = false, creationIndex: Int, context: EvaluationContext) {
        self.name = name
        self.isChoice = isChoice
        self.creationIndex = creationIndex
        self.context = context
    }

    public var description: String { isChoice ? "<choice \(name)>" : name }

    /// Whether any node defines this symbol.
    public var isDefined: Bool { !nodes.isEmpty }

    var prompts: [Prompt] { nodes.compactMap(\.prompt) }
    var allProperties: [Property] { nodes.flatMap(\.properties) }

    var defaults: [(value: Expression, condition: Expression?)] {
        allProperties.compactMap { property in
            guard case .defaultValue(let value) = property.kind else { return nil }
            return (value, property.condition)
        }
    }

    var ranges: [(low: Expression, high: Expression, condition: Expression?)] {
        allProperties.compactMap { property in
            guard case .range(let low, let high) = property.kind else { return nil }
            return (low, high, property.condition)
        }
    }

    /// Breaks the reference cycles between symbols, nodes and expressions.
    func releaseReferences() {
        nodes = []
        choiceMembers = []
        directDependency = nil
        reverseDependency = nil
        impliedBy = nil
        user = UserValue()
        cache = CachedValue()
    }
}

/// What the user (or a `.config`) asked for (Linux's `def[S_DEF_USER]`).
struct UserValue {
    /// Linux's SYMBOL_DEF_USER: the values below are meaningful.
    var isSet = false
    var tristate: Tristate = .no
    var string: String?
    /// For a choice: the member the user picked.
    weak var selection: Symbol?
}

/// The computed state of a symbol (Linux's `curr`, `visible`, and the
/// computed `dir_dep`/`rev_dep`/`implied` values), valid for one generation.
struct CachedValue {
    var generation = -1
    var tristate: Tristate = .no
    /// The raw string value; "n" for bool/tristate, whose text comes from `tristate`.
    var string = ""
    weak var selection: Symbol?
    var visibility: Tristate = .no
    var directDependency: Tristate = .yes
    var reverseDependency: Tristate = .no
    var implied: Tristate = .no
    /// Linux's SYMBOL_WRITE: the symbol appears in `.config` and the header.
    var write = false
}
