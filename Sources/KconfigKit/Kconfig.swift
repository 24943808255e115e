/// A loaded Kconfig tree: its menu tree, its symbols, and the user's values.
///
/// The engine follows Linux 6.1's scripts/kconfig (see `SymbolValue`,
/// `MenuFinalizer`, `ConfigFile`, `HeaderWriter`); the `*config` modes are
/// thin functions over it (`ConfigModes`). Not thread-safe: use one instance
/// from one thread at a time.
public final class Kconfig {
    private let table: SymbolTable
    public let rootMenu: MenuNode
    public let mainMenuTitle: String
    /// Warnings from parsing and from `parseExpression`.
    public private(set) var warnings: [Diagnostic]

    /// Parses the tree whose root is `rootFile`.
    ///
    /// - Parameters:
    ///   - rootFile: the first Kconfig file; a relative path is taken relative
    ///     to `sourceTree`, as are `source` paths (Linux's `srctree`).
    ///   - environment: the values of `$(NAME)` references; unknown names expand to "".
    /// - Throws: `KconfigError` for the first syntax error, missing file or
    ///   unterminated block, naming its file and line.
    public convenience init(rootFile: String, sourceTree: String, environment: [String: String]) throws {
        try self.init(rootFile: rootFile, sourceTree: sourceTree, environment: environment, files: DiskFiles())
    }

    /// Parses a tree whose files come from `files` (in memory for fuzzing).
    package init(rootFile: String, sourceTree: String, environment: [String: String],
                 files: any KconfigFiles) throws {
        let sources = SourceResolver(sourceTree: sourceTree, preprocessor: Preprocessor(environment: environment),
                                     files: files)
        let file: SourceFile
        switch sources.read(rootFile) {
        case .success(let read): file = read
        case .failure(let errno): throw KconfigError(file: rootFile, line: 0, "can't open file: \(errno)")
        }
        table = SymbolTable()
        rootMenu = MenuNode(kind: .menu, file: rootFile, line: 1)
        let parser = Parser(table: table, sources: sources)
        try Self.parseTree(parser, file, into: rootMenu)
        mainMenuTitle = parser.mainMenuTitle ?? "Main menu"
        rootMenu.prompt = Prompt(text: mainMenuTitle, condition: nil)
        var finalizer = MenuFinalizer(modules: table.context.modulesSymbol)
        finalizer.finalizeTree(rootMenu)
        warnings = parser.warnings + finalizer.warnings
        table.context.invalidateAll()
    }

    /// Parses the tree into `root`. A failed initializer never reaches
    /// `deinit`, so on an error this breaks the tree's reference cycles
    /// (nodes ↔ symbols ↔ expressions) itself: a failed load leaks nothing.
    static func parseTree(_ parser: Parser, _ file: SourceFile, into root: MenuNode) throws(KconfigError) {
        do {
            try parser.parseRoot(file, into: root)
        } catch {
            root.releaseReferences()
            parser.table.releaseReferences()
            throw error
        }
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
    var allChoicesAndSymbols: [Symbol] { table.all + table.choices }
    func findAny(_ name: String) -> Symbol? { table.find(name) }
    func invalidateValues() { table.context.invalidateAll() }
}

// MARK: - Expressions for other modules

extension Kconfig {
    /// Parses a Kconfig expression written outside Kconfig files (e.g. in a
    /// library manifest). A name that no Kconfig file defines is kept as an
    /// undefined symbol (value `n`, as in Linux) and adds a warning to `warnings`.
    /// - Throws: `KconfigError` at `file`:`line` for a malformed expression.
    public func parseExpression(_ text: String, file: String, line: Int) throws -> Expression {
        let sources = SourceResolver(sourceTree: "", preprocessor: Preprocessor(environment: [:]))
        let parser = Parser(table: table, sources: sources)
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
