/// A parsed, finalized and checked tree: the steps of loading, in order.
struct LoadedTree {
    let table: SymbolTable
    let rootMenu: MenuNode
    let mainMenuTitle: String
    let warnings: [Diagnostic]
    let sourceFiles: [String]

    /// - Parameter table: where the symbols go (a test may keep it, to see
    ///   what a failed load leaves behind).
    init(rootFile: String, sourceTree: String, preprocessor: Preprocessor, files: any KconfigFiles = DiskFiles(),
         table: SymbolTable = SymbolTable()) throws(KconfigError) {
        self.table = table
        let sources = SourceResolver(sourceTree: sourceTree, preprocessor: preprocessor, files: files)
        let file: SourceFile
        switch sources.read(rootFile) {
        case .success(let read): file = read
        case .failure(let errno): throw KconfigError(file: rootFile, line: 0, "can't open file: \(errno)")
        }
        let rootMenu = MenuNode(kind: .menu, file: rootFile, line: 1)
        self.rootMenu = rootMenu
        let parser = Parser(table: table, sources: sources)
        do {
            try parser.parseRoot(file, into: rootMenu)
            mainMenuTitle = parser.mainMenuTitle ?? "Main menu"
            rootMenu.prompt = Prompt(text: mainMenuTitle, condition: nil)
            var finalizer = MenuFinalizer(modules: table.context.modulesSymbol)
            finalizer.finalizeTree(rootMenu)
            try DependencyCycleCheck.rejectCycles(among: table.inLinuxHashOrderWithChoices)
            warnings = parser.warnings + preprocessor.warnings + finalizer.warnings
        } catch {
            // A failed load never reaches Kconfig's deinit, which breaks the
            // tree's reference cycles (nodes <-> symbols <-> expressions).
            rootMenu.releaseReferences()
            table.releaseReferences()
            throw error
        }
        sourceFiles = parser.filesRead
    }
}
