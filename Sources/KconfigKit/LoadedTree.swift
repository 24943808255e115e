/// A parsed, finalized and checked tree: the steps of loading, in order.
struct LoadedTree {
    let table = SymbolTable()
    let rootMenu: MenuNode
    let mainMenuTitle: String
    let warnings: [Diagnostic]
    let sourceFiles: [String]

    init(rootFile: String, sourceTree: String, preprocessor: Preprocessor) throws(KconfigError) {
        let sources = SourceResolver(sourceTree: sourceTree, preprocessor: preprocessor)
        let file: SourceFile
        switch sources.read(rootFile) {
        case .success(let read): file = read
        case .failure(let errno): throw KconfigError(file: rootFile, line: 0, "can't open file: \(errno)")
        }
        rootMenu = MenuNode(kind: .menu, file: rootFile, line: 1)
        let parser = Parser(table: table, sources: sources)
        try parser.parseRoot(file, into: rootMenu)
        mainMenuTitle = parser.mainMenuTitle ?? "Main menu"
        rootMenu.prompt = Prompt(text: mainMenuTitle, condition: nil)
        var finalizer = MenuFinalizer(modules: table.context.modulesSymbol)
        finalizer.finalizeTree(rootMenu)
        try DependencyCycleCheck.rejectCycles(among: table.inLinuxHashOrderWithChoices)
        warnings = parser.warnings + preprocessor.warnings + finalizer.warnings
        sourceFiles = parser.filesRead
    }
}
