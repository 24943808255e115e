/// Symbols forced on by `select` although their own dependencies do not
/// allow it — Linux's "unmet direct dependencies" warning (symbol.c), with
/// the place of the symbol's definition added.
extension Kconfig {
    /// One warning per such symbol under the current values, in definition
    /// order. The message reads as Linux's:
    ///
    ///     unmet direct dependencies detected for FOO
    ///       Depends on [n]: BAR [=n]
    ///       Selected by [y]:
    ///       - BAZ [=y] && QUX [=y]
    public var unmetDependencyWarnings: [Diagnostic] {
        symbols.compactMap { symbol in
            guard symbol.hasUnmetDependencies, let node = symbol.nodes.first else { return nil }
            return Diagnostic(severity: .warning, file: node.file, line: node.line, message: symbol.unmetDependencyReport)
        }
    }
}

extension Symbol {
    /// A bool or tristate whose reverse dependency is above its direct one.
    /// Visible choice members are settled by their choice, as in Linux.
    public var hasUnmetDependencies: Bool {
        guard type == .bool || type == .tristate else { return false }
        calculate()
        if choice != nil && cache.visibility == .yes { return false }
        return cache.directDependency < cache.reverseDependency
    }

    var unmetDependencyReport: String {
        var lines = ["unmet direct dependencies detected for \(name)"]
        let dependency = directDependency?.annotatedText ?? "y"
        lines.append("  Depends on [\(cache.directDependency == .module ? "m" : "n")]: \(dependency)")
        let selectors = reverseDependency?.orTerms ?? []
        for (value, title) in [(Tristate.yes, "  Selected by [y]:"), (.module, "  Selected by [m]:")] {
            let terms = selectors.filter { $0.evaluate() == value }
            if !terms.isEmpty { lines += [title] + terms.map { "  - \($0.annotatedText)" } }
        }
        return lines.joined(separator: "\n")
    }
}
