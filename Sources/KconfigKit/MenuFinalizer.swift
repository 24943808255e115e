/// The pass after parsing, after Linux 6.1's `menu_finalize` (menu.c):
///
/// 1. Each node's dependency becomes its parent's dependency (for a choice
///    member: the choice symbol) AND its own; every prompt and property
///    condition gets the node's dependency ANDed in. `m` in conditions is
///    rewritten to `m && MODULES`.
/// 2. `select` and `imply` build the reverse dependencies of their targets;
///    a symbol's direct dependency is the OR of its nodes' dependencies.
/// 3. Symbols inside a choice become its members and take its type; a
///    non-optional choice gets the reverse dependency `prompt condition && m`,
///    which keeps it from being `n` while visible.
/// 4. Automatic submenus: entries right after a symbol that depend on it
///    (`S`, `S && …`, `S = y`, `S != n`) move under it — Linux's rule for
///    "absolute" dependencies; its second rule (a superset of the symbol's own
///    dependencies) is not applied in this first cut, so such entries stay
///    siblings. Submenus under a symbol without prompt are flattened again.
struct MenuFinalizer {
    let modules: Symbol?
    private(set) var warnings: [Diagnostic] = []
    private var checked: Set<ObjectIdentifier> = []
    /// OR terms per symbol, joined as balanced trees at the end so that a
    /// symbol selected from thousands of places still has a shallow expression.
    private var reverseTerms = OrTerms(), impliedTerms = OrTerms(), dependencyTerms = OrTerms()

    init(modules: Symbol?) {
        self.modules = modules
    }

    /// Finalizes the whole tree under `root`.
    mutating func finalizeTree(_ root: MenuNode) {
        finalize(root)
        reverseTerms.store { $0.reverseDependency = $1 }
        impliedTerms.store { $0.impliedBy = $1 }
        dependencyTerms.store { $0.directDependency = $1 }
    }

    private mutating func finalize(_ parent: MenuNode) {
        let symbol = parent.symbol
        if !parent.children.isEmpty {
            if let symbol, symbol.isChoice { inferMemberTypes(of: parent, choice: symbol) }
            let parentDependency: Expression? = if let symbol, symbol.isChoice { .symbol(symbol) } else { parent.dependency }
            for child in parent.children { propagate(parentDependency, into: child) }
            finalizeChildren(of: parent)
        } else if let symbol {
            // Like Linux's expr_alloc_or, a missing dependency adds nothing.
            if let dependency = parent.dependency { dependencyTerms.add(dependency, to: symbol) }
        }
        adoptMembersAndFlatten(parent)
        if let symbol { check(symbol, at: parent) }
        if let symbol, symbol.isChoice, !symbol.isOptional, let prompt = parent.prompt {
            reverseTerms.add(Expression.and(prompt.condition, .constant("m")) ?? .constant("m"), to: symbol)
        }
    }

    private func inferMemberTypes(of node: MenuNode, choice: Symbol) {
        if choice.type == .unknown,
           let typed = node.children.lazy.compactMap(\.symbol).first(where: { $0.type != .unknown }) {
            choice.type = typed.type
        }
        for member in node.children.compactMap(\.symbol) where member.type == .unknown {
            member.type = choice.type
        }
    }

    private mutating func propagate(_ parentDependency: Expression?, into child: MenuNode) {
        let base = Expression.and(parentDependency, rewritten(child.dependency))
        child.dependency = base
        if let prompt = child.prompt {
            child.prompt = Prompt(text: prompt.text, condition: Expression.and(base, rewritten(prompt.condition)))
        }
        for index in child.properties.indices {
            let condition = Expression.and(base, rewritten(child.properties[index].condition))
            child.properties[index].condition = condition
            guard let source = child.symbol else { continue }
            let term = Expression.and(.symbol(source), condition) ?? .symbol(source)
            switch child.properties[index].kind {
            case .select(let target): reverseTerms.add(term, to: target)
            case .imply(let target): impliedTerms.add(term, to: target)
            default: break
            }
        }
    }

    private func rewritten(_ expression: Expression?) -> Expression? {
        expression?.rewritingModule(modules: modules)
    }

    /// Finalizes the children one after the other, building the new list in
    /// one pass (moving siblings into submenus by removal from the old list
    /// was quadratic in a menu's length).
    private mutating func finalizeChildren(of parent: MenuNode) {
        let siblings = parent.children
        var kept: [MenuNode] = []
        var index = 0
        while index < siblings.count {
            kept.append(finalizeEntry(siblings, at: &index))
        }
        parent.children = kept
    }

    /// Finalizes `siblings[index]` and moves `index` past it; a childless
    /// symbol then takes the following siblings that depend on it as its
    /// children (each of which may do the same in turn).
    private mutating func finalizeEntry(_ siblings: [MenuNode], at index: inout Int) -> MenuNode {
        let node = siblings[index]
        index += 1
        let wasLeaf = node.children.isEmpty
        finalize(node)
        guard wasLeaf, let symbol = node.symbol else { return node }
        while index < siblings.count,
              let dependency = siblings[index].prompt?.condition ?? siblings[index].dependency,
              dependency.dependsOn(symbol) {
            node.append(finalizeEntry(siblings, at: &index))
        }
        return node
    }

    /// Marks choice members, and lifts the children of prompt-less nodes
    /// back to their parent (Linux's last loop in `menu_finalize`).
    private mutating func adoptMembersAndFlatten(_ parent: MenuNode) {
        var index = 0
        while index < parent.children.count {
            let child = parent.children[index]
            if let choice = parent.symbol, choice.isChoice, let member = child.symbol, member.choice == nil {
                adopt(member, at: child, into: choice)
            }
            if !child.children.isEmpty && child.prompt == nil {
                let lifted = child.children
                child.children = []
                lifted.forEach { $0.parent = parent }
                parent.children.insert(contentsOf: lifted, at: index + 1)
            }
            index += 1
        }
    }

    private mutating func adopt(_ member: Symbol, at node: MenuNode, into choice: Symbol) {
        member.choice = choice
        choice.choiceMembers.append(member)
        if node.prompt == nil { warn("choice value must have a prompt", file: node.file, line: node.line) }
        for property in member.allProperties {
            if case .defaultValue = property.kind {
                warn("defaults for choice values not supported", file: property.file, line: property.line)
            }
        }
        guard choice.type == .tristate, member.type != .tristate else { return }
        // A bool member of a tristate choice needs the choice at `y`.
        let needsYes = Expression.comparison(.equal, .symbol(choice), .constant("y"))
        node.dependency = Expression.and(needsYes, node.dependency)
        if let prompt = node.prompt {
            node.prompt = Prompt(text: prompt.text, condition: Expression.and(needsYes, prompt.condition))
        }
        for index in node.properties.indices {
            node.properties[index].condition = Expression.and(needsYes, node.properties[index].condition)
        }
    }

    mutating func warn(_ message: String, file: String, line: Int) {
        warnings.append(Diagnostic(severity: .warning, file: file, line: line, message: message))
    }
}

/// Terms to OR together per symbol, in the order they were found.
private struct OrTerms {
    private var terms: [ObjectIdentifier: (symbol: Symbol, terms: [Expression])] = [:]

    mutating func add(_ term: Expression, to symbol: Symbol) {
        terms[ObjectIdentifier(symbol), default: (symbol, [])].terms.append(term)
    }

    /// Hands each symbol the balanced OR of its terms.
    func store(_ assign: (Symbol, Expression) -> Void) {
        for (symbol, list) in terms.values {
            assign(symbol, Expression.balancedOr(list[...]))
        }
    }
}

// MARK: - Checks (Linux's warnings from menu_finalize and sym_check_prop)

extension MenuFinalizer {
    private mutating func check(_ symbol: Symbol, at node: MenuNode) {
        guard checked.insert(ObjectIdentifier(symbol)).inserted else { return }
        if symbol.type == .unknown { warn("config symbol defined without type", file: node.file, line: node.line) }
        if symbol.isChoice && node.prompt == nil { warn("choice must have a prompt", file: node.file, line: node.line) }
        for property in symbol.allProperties { check(property, of: symbol) }
    }

    private mutating func check(_ property: Property, of symbol: Symbol) {
        switch property.kind {
        case .defaultValue(let value): checkDefault(value, of: symbol, property)
        case .select(let target): checkReverse("select", target, of: symbol, property)
        case .imply(let target): checkReverse("imply", target, of: symbol, property)
        case .range(let low, let high):
            if !symbol.type.isNumber {
                warn("range is only allowed for int or hex symbols", file: property.file, line: property.line)
            }
            if !isNumber(low, for: symbol) || !isNumber(high, for: symbol) {
                warn("range is invalid", file: property.file, line: property.line)
            }
        }
    }

    private mutating func checkDefault(_ value: Expression, of symbol: Symbol, _ property: Property) {
        let single: Bool = switch value {
        case .symbol, .constant: true
        default: false
        }
        if !single && (symbol.type.isNumber || symbol.type == .string) {
            warn("default for config symbol '\(symbol.name)' must be a single symbol", file: property.file, line: property.line)
        }
        if single && symbol.type.isNumber && !isNumber(value, for: symbol) {
            warn("'\(symbol.name)': number is invalid", file: property.file, line: property.line)
        }
        if symbol.isChoice, case .symbol(let member) = value, member.choice !== symbol {
            warn("choice default symbol '\(member.name)' is not contained in the choice",
                 file: property.file, line: property.line)
        }
    }

    private mutating func checkReverse(_ keyword: String, _ target: Symbol, of symbol: Symbol, _ property: Property) {
        if !symbol.type.isBoolOrTristate {
            warn("config symbol '\(symbol.name)' uses \(keyword), but is not bool or tristate",
                 file: property.file, line: property.line)
        } else if target.type != .unknown && !target.type.isBoolOrTristate {
            warn("'\(target.name)' has wrong type. '\(keyword)' only accept arguments of bool and tristate type",
                 file: property.file, line: property.line)
        }
    }

    /// Linux's `menu_validate_number`: an int/hex symbol, or a constant valid for `symbol`.
    private func isNumber(_ operand: Expression, for symbol: Symbol) -> Bool {
        switch operand {
        case .symbol(let other) where other.type.isNumber: true
        case .symbol(let other) where other.type == .unknown: symbol.isValidValue(other.name)
        case .constant(let text): symbol.isValidValue(text)
        default: false
        }
    }
}
