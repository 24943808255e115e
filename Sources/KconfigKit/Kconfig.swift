import SystemSupport

/// A loaded Kconfig tree: its menu tree, its symbols, and the user's values.
///
/// The engine follows Linux 6.1's scripts/kconfig (see `SymbolValue`,
/// `MenuFinalizer`, `ConfigFile`, `HeaderWriter`); the `*config` modes are
/// thin functions over it (`ConfigModes`). Not thread-safe: use one instance
/// from one thread at a time.
public final class Kconfig {
    private let table: SymbolTable
    private let preprocessor: Preprocessor
    public let rootMenu: MenuNode
    public let mainMenuTitle: String
    /// Warnings from parsing (incl. `$(warning-if,…)`) and from `parseExpression`.
    public private(set) var warnings: [Diagnostic]
    /// The texts of `$(info,…)`, in order: Linux prints them on standard output.
    public let infoMessages: [String]
    /// The Kconfig files read, root first, in the order they were opened.
    public let sourceFiles: [String]
    /// The environment variables the tree's macros used, in order of first
    /// use, with their values (what Linux records in auto.conf.cmd).
    public var environmentReferences: [(name: String, value: String)] { preprocessor.referencedEnvironment }

    /// Parses the tree whose root is `rootFile`.
    ///
    /// - Parameters:
    ///   - rootFile: the first Kconfig file; a relative path is taken relative
    ///     to `sourceTree`, as are `source` paths (Linux's `srctree`).
    ///   - environment: the environment of `$(NAME)` references not defined
    ///     as macro variables, and of `$(shell,…)` commands.
    ///   - shell: whether `$(shell,…)` runs commands (it does in Linux).
    /// - Throws: `KconfigError` for the first syntax error, missing file,
    ///   unterminated block or `$(error-if,…)`, naming its file and line.
    public convenience init(rootFile: String, sourceTree: String, environment: [String: String],
                            shell: MacroShellPolicy = .execute) throws {
        try self.init(rootFile: rootFile, sourceTree: sourceTree, environment: environment, shell: shell,
                      files: DiskFiles())
    }

    /// Parses a tree whose files come from `files` (in memory for fuzzing).
    package init(rootFile: String, sourceTree: String, environment: [String: String],
                 shell: MacroShellPolicy, files: any KconfigFiles) throws {
        let root = Path.join(sourceTree, rootFile)
        let macroShell = MacroShell(policy: shell, environment: environment, tree: FileSystem.realPath(root) ?? root)
        preprocessor = Preprocessor(environment: environment, shell: macroShell)
        let tree: LoadedTree
        do {
            tree = try LoadedTree(rootFile: rootFile, sourceTree: sourceTree, preprocessor: preprocessor, files: files)
        } catch {
            macroShell.finish(succeeded: false, environmentReferences: [])
            throw error
        }
        macroShell.finish(succeeded: true, environmentReferences: preprocessor.referencedEnvironment)
        (table, rootMenu, mainMenuTitle) = (tree.table, tree.rootMenu, tree.mainMenuTitle)
        (warnings, sourceFiles, infoMessages) = (tree.warnings, tree.sourceFiles, preprocessor.infoMessages)
        table.context.invalidateAll()
    }

    deinit {
        rootMenu.releaseReferences()
        table.releaseReferences()
    }

    /// Defined symbols, in order of first definition (choices excluded).
    public var symbols: [Symbol] { table.defined }
    /// The choices, in order of definition.
    public var choices: [Symbol] { table.choices }

    /// The defined symbol called `name`.
    public func symbol(named name: String) -> Symbol? {
        table.find(name).flatMap { $0.isDefined ? $0 : nil }
    }

    /// Forgets every user value: all symbols take their defaults.
    public func resetUserValues() {
        (table.all + table.choices).forEach { $0.clearUserValue() }
        table.context.invalidateAll()
    }

    /// Every symbol in the order Linux's `for_all_symbols` visits them.
    var symbolsInLinuxOrder: [Symbol] { table.inLinuxHashOrder }
    /// Symbols and choices in the order of Linux's `for_all_symbols` (the `*config` modes use it).
    var symbolsAndChoicesInLinuxOrder: [Symbol] { table.inLinuxHashOrderWithChoices }
    var allChoicesAndSymbols: [Symbol] { table.all + table.choices }
    /// How many symbols and choices exist: the bound of `creationIndex`.
    var symbolCount: Int { table.count }
    func findAny(_ name: String) -> Symbol? { table.find(name) }
    func invalidateValues() { table.context.invalidateAll() }
    /// The context the values are computed in (the `*config` modes watch it).
    var evaluation: EvaluationContext { table.context }
}

// MARK: - Expressions for other modules

extension Kconfig {
    /// Parses a Kconfig expression written outside Kconfig files (e.g. in a
    /// library manifest). A name that no Kconfig file defines is kept as an
    /// undefined symbol (value `n`, as in Linux) and adds a warning to `warnings`.
    /// - Throws: `KconfigError` at `file`:`line` for a malformed expression.
    public func parseExpression(_ text: String, file: String, line: Int) throws -> Expression {
        // The tree's preprocessor: its macro variables mean the same here.
        let parser = Parser(table: table, sources: SourceResolver(sourceTree: "", preprocessor: preprocessor))
        let expression = try parser.parseStandaloneExpression(SourceFile(name: file, bytes: Array(text.utf8)), line: line)
        for symbol in expression.referencedSymbols where !symbol.isDefined {
            warnings.append(Diagnostic(severity: .warning, file: file, line: line,
                                       message: "undefined symbol '\(symbol.name)'"))
        }
        return expression
    }

    /// The value of an expression under the current configuration.
    public func evaluate(_ expression: Expression) -> Tristate {
        expression.evaluate()
    }
}
