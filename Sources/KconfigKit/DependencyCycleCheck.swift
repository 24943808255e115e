/// Finds recursive dependencies, as Linux's `sym_check_deps` (symbol.c),
/// which makes them parse errors.
///
/// From each symbol, a depth-first walk follows, in this order: its direct
/// dependency, its reverse dependency (selects), its implied-by expression,
/// then for each prompt and property its condition, and for a non-choice
/// symbol's defaults the default value. Reaching a symbol still on the walk
/// is a cycle; it is reported as Linux prints it:
///
///     Kconfig:3:error: recursive dependency detected!
///     Kconfig:3:	symbol A depends on B
///     Kconfig:7:	symbol B is selected by A
///
/// A choice and its members are checked as one group (members depend on
/// their choice by construction, which is no cycle).
struct DependencyCycleCheck {
    /// How the walk got from a symbol to the next one. A plain value (no
    /// strings): the walk copies one per symbol mention it visits.
    private enum Edge {
        case directDependency, reverseDependency, impliedBy
        /// The condition of the prompt of the symbol's `node`-th definition.
        case promptCondition(node: Int)
        /// The condition of a property (`default`, `range`) of a definition.
        case propertyCondition(node: Int, property: Int)
        /// A default's value.
        case defaultValue(node: Int, property: Int)
        case none
    }

    /// One step of the walk. The walk keeps its own stack (no recursion), so
    /// however long a chain of dependencies, it cannot exhaust the call stack.
    private struct Frame {
        enum Role {
            /// A symbol's outgoing edges (also a choice's own, or a member's
            /// while its choice group is checked).
            case edges
            /// A choice member on its way to its choice: one edge, to the choice.
            case toChoice
            /// A choice and its members (Linux's sym_check_choice_deps): the
            /// choice's own edges first, then each member's; `next` member.
            case group(next: Int)
        }

        var symbol: Symbol
        var role: Role
        /// The symbols still to visit from here, each with the edge leading there.
        var targets: [(edge: Edge, symbol: Symbol)] = []
        var next = 0
        /// The edge followed last, for reports.
        var edge: Edge = .none
    }

    /// Linux's SYMBOL_CHECK and SYMBOL_CHECKED, by `creationIndex`.
    private var onWalk: [Bool]
    private var done: [Bool]
    private var stack: [Frame] = []
    /// A cycle found: where it was detected and one line per step.
    struct Cycle {
        var file: String
        var line: Int
        /// "file:line:\tsymbol A depends on B", as Linux prints them.
        var steps: [String]
    }

    private(set) var cycles: [Cycle] = []

    /// - Parameter symbolCount: how many symbols and choices the tree has.
    init(symbolCount: Int) {
        onWalk = Array(repeating: false, count: symbolCount)
        done = onWalk
    }

    /// Checks every symbol, in the order given (Linux uses its hash order).
    mutating func checkAll(_ symbols: [Symbol]) {
        for symbol in symbols where !done[symbol.creationIndex] { walk(from: symbol) }
    }

    /// A depth-first walk; the first cycle met is reported and ends the walk
    /// (as Linux's sym_check_deps returns at once).
    private mutating func walk(from root: Symbol) {
        enter(root)
        while !stack.isEmpty {
            guard let target = nextTarget() else {
                finishTop()
                continue
            }
            if onWalk[target.creationIndex] {
                report(closingAt: target)
                unwind()
                return
            }
            if !done[target.creationIndex] { enter(target) }
        }
    }

    private mutating func enter(_ symbol: Symbol) {
        if let choice = symbol.choice {
            stack.append(Frame(symbol: symbol, role: .toChoice, targets: [(.none, choice)]))
        } else if symbol.isChoice {
            for member in [symbol] + symbol.choiceMembers {
                onWalk[member.creationIndex] = true
                done[member.creationIndex] = true
            }
            stack.append(Frame(symbol: symbol, role: .group(next: 0)))
            stack.append(Frame(symbol: symbol, role: .edges, targets: edges(of: symbol)))
        } else {
            onWalk[symbol.creationIndex] = true
            done[symbol.creationIndex] = true
            stack.append(Frame(symbol: symbol, role: .edges, targets: edges(of: symbol)))
        }
    }

    /// The top frame's next target, noting the edge taken; nil when done.
    private mutating func nextTarget() -> Symbol? {
        let top = stack.count - 1
        guard stack[top].next < stack[top].targets.count else { return nil }
        let (edge, symbol) = stack[top].targets[stack[top].next]
        stack[top].next += 1
        stack[top].edge = edge
        return symbol
    }

    /// The top frame has nothing left to visit.
    private mutating func finishTop() {
        let top = stack[stack.count - 1]
        switch top.role {
        case .toChoice:
            stack.removeLast()
        case .edges:
            stack.removeLast()
            // Members stay marked until their group ends; members depend on
            // their choice by construction, so the choice itself is unmarked
            // once its own edges are checked.
            if top.symbol.choice == nil { onWalk[top.symbol.creationIndex] = false }
        case .group(let next) where next < top.symbol.choiceMembers.count:
            stack[stack.count - 1].role = .group(next: next + 1)
            let member = top.symbol.choiceMembers[next]
            stack.append(Frame(symbol: member, role: .edges, targets: edges(of: member)))
        case .group:
            stack.removeLast()
            top.symbol.choiceMembers.forEach { onWalk[$0.creationIndex] = false }
        }
    }

    /// After a cycle: leaves the walk, unmarking what it marked.
    private mutating func unwind() {
        for frame in stack {
            onWalk[frame.symbol.creationIndex] = false
            frame.symbol.choiceMembers.forEach { onWalk[$0.creationIndex] = false }
        }
        stack = []
    }

    /// Linux's sym_check_sym_deps order: direct, reverse and implied
    /// dependencies; then prompts and properties in the order of their
    /// definitions (selects and implies are the reverse edges already
    /// followed); a non-choice symbol's default values too.
    private func edges(of symbol: Symbol) -> [(edge: Edge, symbol: Symbol)] {
        var edges: [(edge: Edge, symbol: Symbol)] = []
        func add(_ edge: Edge, _ expression: Expression?) {
            expression?.forEachSymbol { edges.append((edge, $0)) }
        }
        add(.directDependency, symbol.directDependency)
        add(.reverseDependency, symbol.reverseDependency)
        add(.impliedBy, symbol.impliedBy)
        for (n, node) in symbol.nodes.enumerated() {
            if let prompt = node.prompt { add(.promptCondition(node: n), prompt.condition) }
            for (p, property) in node.properties.enumerated() {
                switch property.kind {
                case .select, .imply: continue
                case .range: add(.propertyCondition(node: n, property: p), property.condition)
                case .defaultValue(let value):
                    add(.propertyCondition(node: n, property: p), property.condition)
                    if !symbol.isChoice { add(.defaultValue(node: n, property: p), value) }
                }
            }
        }
        return edges
    }

    // MARK: Reporting (Linux's sym_check_print_recursive)

    private mutating func report(closingAt closing: Symbol) {
        var frames = stack
        var last = closing
        if let choice = closing.choice {
            frames.append(Frame(symbol: closing, role: .toChoice))
            last = choice
        }
        guard let start = frames.lastIndex(where: { $0.symbol === last }) else { return }
        let walk = Array(frames[start...])
        let steps = walk.enumerated().map { index, frame in
            let next = index + 1 < walk.count ? walk[index + 1].symbol : last
            let (file, line) = location(of: frame)
            return "\(file):\(line):\t\(describe(frame, next: next))"
        }
        let (file, line) = location(of: walk[0])
        cycles.append(Cycle(file: file, line: line, steps: steps))
    }

    private func describe(_ frame: Frame, next: Symbol) -> String {
        let name = Self.name(frame.symbol), nextName = Self.name(next)
        if frame.symbol.isChoice { return "choice \(name) contains symbol \(nextName)" }
        if frame.symbol.choice != nil { return "symbol \(name) is part of choice \(nextName)" }
        switch frame.edge {
        case .directDependency, .none: return "symbol \(name) depends on \(nextName)"
        case .reverseDependency: return "symbol \(name) is selected by \(nextName)"
        case .impliedBy: return "symbol \(name) is implied by \(nextName)"
        case .defaultValue: return "symbol \(name) default value contains \(nextName)"
        case .promptCondition: return "symbol \(name) prompt is visible depending on \(nextName)"
        case .propertyCondition(let node, let index):
            let kind = if case .range = frame.symbol.nodes[node].properties[index].kind { "range" } else { "default" }
            return "symbol \(name) \(kind) is visible depending on \(nextName)"
        }
    }

    /// A prompt's or property's place for those edges, else the first definition.
    private func location(of frame: Frame) -> (String, Int) {
        let nodes = frame.symbol.nodes
        switch frame.edge {
        case .promptCondition(let node): return (nodes[node].file, nodes[node].line)
        case .propertyCondition(let node, let index), .defaultValue(let node, let index):
            let property = nodes[node].properties[index]
            return (property.file, property.line)
        default: return (nodes.first?.file ?? "", nodes.first?.line ?? 0)
        }
    }

    private static func name(_ symbol: Symbol) -> String {
        symbol.name.isEmpty ? "<choice>" : symbol.name
    }
}

extension DependencyCycleCheck {
    /// Linux's pointer to the explanation, printed after each cycle.
    static let resolutionHint = """
        For a resolution refer to Documentation/kbuild/kconfig-language.rst
        subsection "Kconfig recursive dependency limitations"
        """

    /// Checks `symbols` (in Linux's order) and throws every cycle found as
    /// one error at the first cycle's place, its text as Linux prints it.
    static func rejectCycles(among symbols: [Symbol]) throws(KconfigError) {
        var check = DependencyCycleCheck(symbolCount: (symbols.map(\.creationIndex).max() ?? -1) + 1)
        check.checkAll(symbols)
        guard let first = check.cycles.first else { return }
        let reports = check.cycles.enumerated().map { index, cycle in
            let header = index == 0 ? [] : ["\(cycle.file):\(cycle.line): error: recursive dependency detected!"]
            return (header + cycle.steps + [resolutionHint]).joined(separator: "\n")
        }
        throw KconfigError(file: first.file, line: first.line,
                           "recursive dependency detected!\n" + reports.joined(separator: "\n\n"))
    }
}
