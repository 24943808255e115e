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
    /// How the walk got from a symbol to the next one.
    private enum Edge {
        case directDependency, reverseDependency, impliedBy
        /// A prompt's or property's condition; `kind` names it ("prompt", "default"...).
        case visibility(kind: String, file: String, line: Int)
        /// A default's value.
        case defaultValue(file: String, line: Int)
        case none
    }

    private struct Frame {
        var symbol: Symbol
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
    /// Set when a walk went deeper than `maximumDepth`: checking stops there
    /// rather than exhausting the stack on a hostile tree.
    private(set) var tooDeep: Symbol?
    let maximumDepth = 4000

    /// - Parameter symbolCount: how many symbols and choices the tree has.
    init(symbolCount: Int) {
        onWalk = Array(repeating: false, count: symbolCount)
        done = onWalk
    }

    /// Checks every symbol, in the order given (Linux uses its hash order).
    mutating func checkAll(_ symbols: [Symbol]) {
        for symbol in symbols where tooDeep == nil { _ = check(symbol) }
    }

    /// The symbol that closes a cycle reachable from `symbol`, or nil.
    private mutating func check(_ symbol: Symbol) -> Symbol? {
        let id = symbol.creationIndex
        if onWalk[id] {
            report(closingAt: symbol)
            return symbol
        }
        if done[id] { return nil }
        guard stack.count < maximumDepth else {
            tooDeep = symbol
            return symbol
        }
        if let choice = symbol.choice {
            stack.append(Frame(symbol: symbol))
            defer { stack.removeLast() }
            return check(choice)
        }
        if symbol.isChoice { return checkChoice(symbol) }
        onWalk[id] = true
        done[id] = true
        defer { onWalk[id] = false }
        return checkEdges(of: symbol)
    }

    /// Linux's sym_check_choice_deps: the choice first, then its members,
    /// all marked as on the walk so that a path back into the group is a cycle.
    private mutating func checkChoice(_ choice: Symbol) -> Symbol? {
        stack.append(Frame(symbol: choice))
        defer { stack.removeLast() }
        let group = [choice] + choice.choiceMembers
        group.forEach { onWalk[$0.creationIndex] = true; done[$0.creationIndex] = true }
        defer { choice.choiceMembers.forEach { onWalk[$0.creationIndex] = false } }
        var found = checkEdges(of: choice)
        // Members depend on their choice by construction: not a cycle.
        onWalk[choice.creationIndex] = false
        for member in choice.choiceMembers where found == nil {
            found = checkEdges(of: member)
        }
        if let closing = found, closing.choice === choice { return choice }
        return found
    }

    /// Linux's sym_check_sym_deps: every outgoing edge of one symbol.
    private mutating func checkEdges(of symbol: Symbol) -> Symbol? {
        stack.append(Frame(symbol: symbol))
        defer { stack.removeLast() }
        let edges: [(Edge, Expression?)] = [
            (.directDependency, symbol.directDependency),
            (.reverseDependency, symbol.reverseDependency),
            (.impliedBy, symbol.impliedBy),
        ]
        for (edge, expression) in edges + propertyEdges(of: symbol) {
            stack[stack.count - 1].edge = edge
            if let found = check(expression) { return found }
        }
        return nil
    }

    /// Prompts and properties, in the order of their definitions; selects
    /// and implies are the reverse edges already followed.
    private func propertyEdges(of symbol: Symbol) -> [(Edge, Expression?)] {
        symbol.nodes.flatMap { node -> [(Edge, Expression?)] in
            var edges: [(Edge, Expression?)] = []
            if let prompt = node.prompt {
                edges.append((.visibility(kind: "prompt", file: node.file, line: node.line), prompt.condition))
            }
            for property in node.properties {
                switch property.kind {
                case .select, .imply: continue
                case .range:
                    edges.append((.visibility(kind: "range", file: property.file, line: property.line), property.condition))
                case .defaultValue(let value):
                    edges.append((.visibility(kind: "default", file: property.file, line: property.line), property.condition))
                    if !symbol.isChoice { edges.append((.defaultValue(file: property.file, line: property.line), value)) }
                }
            }
            return edges
        }
    }

    private mutating func check(_ expression: Expression?) -> Symbol? {
        switch expression {
        case nil, .constant?: return nil
        case .symbol(let symbol)?: return check(symbol)
        case .not(let inner)?: return check(inner)
        case .and(let lhs, let rhs)?, .or(let lhs, let rhs)?, .comparison(_, let lhs, let rhs)?:
            return check(lhs) ?? check(rhs)
        }
    }

    // MARK: Reporting (Linux's sym_check_print_recursive)

    private mutating func report(closingAt closing: Symbol) {
        var frames = stack
        var last = closing
        if let choice = closing.choice {
            frames.append(Frame(symbol: closing))
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
        case .directDependency: return "symbol \(name) depends on \(nextName)"
        case .reverseDependency: return "symbol \(name) is selected by \(nextName)"
        case .impliedBy: return "symbol \(name) is implied by \(nextName)"
        case .defaultValue: return "symbol \(name) default value contains \(nextName)"
        case .visibility(let kind, _, _): return "symbol \(name) \(kind) is visible depending on \(nextName)"
        case .none: return "symbol \(name) depends on \(nextName)"
        }
    }

    /// A property's place for property edges, else the first definition.
    private func location(of frame: Frame) -> (String, Int) {
        switch frame.edge {
        case .visibility(_, let file, let line), .defaultValue(let file, let line): return (file, line)
        default:
            let node = frame.symbol.nodes.first
            return (node?.file ?? "", node?.line ?? 0)
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
        if let symbol = check.tooDeep, let node = symbol.nodes.first {
            throw KconfigError(file: node.file, line: node.line,
                               "dependencies nested more than \(check.maximumDepth) levels deep at \(symbol.name)")
        }
        guard let first = check.cycles.first else { return }
        let reports = check.cycles.enumerated().map { index, cycle in
            let header = index == 0 ? [] : ["\(cycle.file):\(cycle.line): error: recursive dependency detected!"]
            return (header + cycle.steps + [resolutionHint]).joined(separator: "\n")
        }
        throw KconfigError(file: first.file, line: first.line,
                           "recursive dependency detected!\n" + reports.joined(separator: "\n\n"))
    }
}
