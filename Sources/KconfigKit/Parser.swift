/// Builds the menu tree and the symbols from a Kconfig file and the files it
/// sources: a recursive-descent parser over `Lexer`, after Linux 6.1's parser.y.
///
/// Blocks (`menu`, `choice`, `if`) must end in the file that opened them.
/// The first error stops parsing and is thrown; warnings are collected.
final class Parser {
    let table: SymbolTable
    let sources: SourceResolver
    private(set) var warnings: [Diagnostic] = []
    private(set) var mainMenuTitle: String?
    var lexer: Lexer
    var token: Token
    /// Nesting of `(`/`!` in the expression being parsed, to bound recursion.
    var expressionDepth = 0
    /// The files being parsed, outermost first, to refuse recursive inclusion.
    var openFiles: [String] = []
    /// Every file opened, in order.
    var filesRead: [String] = []
    /// Open `menu`/`choice`/`if` blocks, bounded so hostile input cannot exhaust the stack.
    var blockDepth = 0
    private let maximumBlockDepth = 200

    init(table: SymbolTable, sources: SourceResolver) {
        self.table = table
        self.sources = sources
        lexer = Lexer(file: "", bytes: [], preprocessor: sources.preprocessor)
        token = Token(kind: .endOfFile, line: 0, column: 0)
    }

    /// Parses the root file into `root`, which becomes the main menu.
    func parseRoot(_ file: SourceFile, into root: MenuNode) throws(KconfigError) {
        openFiles = [file.name]
        filesRead = [file.name]
        try withFile(file) { () throws(KconfigError) in
            // Blank and comment lines may come first: they are not statements.
            while token.kind == .endOfLine { try advance() }
            if token.kind == .keyword(.mainmenu) {
                try advance()
                mainMenuTitle = try expectQuoted(after: "mainmenu")
                try expectEndOfLine()
            }
            try parseFileBody(into: root, condition: nil)
        }
    }

    /// Parses one expression that fills `file` (a manifest's condition, say)
    /// whose text starts on line `line`.
    func parseStandaloneExpression(_ file: SourceFile, line: Int) throws(KconfigError) -> Expression {
        lexer = Lexer(file: file.name, bytes: file.bytes, preprocessor: sources.preprocessor, firstLine: line,
                      expressionOnly: true)
        try advance()
        let expression = try parseExpression()
        guard token.kind == .endOfLine || token.kind == .endOfFile else {
            throw error("unexpected \(token.spelling) after the expression", at: token)
        }
        return expression
    }

    /// Parses `body` with the lexer switched to `file`, then switches back.
    func withFile(_ file: SourceFile, _ body: () throws(KconfigError) -> Void) throws(KconfigError) {
        let saved = (lexer, token)
        lexer = Lexer(file: file.name, bytes: file.bytes, preprocessor: sources.preprocessor)
        defer {
            warnings += lexer.warnings
            (lexer, token) = saved
        }
        try advance()
        try body()
    }

    /// Statements up to the end of the current file; block ends are errors here.
    func parseFileBody(into parent: MenuNode, condition: Expression?) throws(KconfigError) {
        let end = try parseStatements(into: parent, condition: condition, inChoice: false)
        guard case .keyword(let keyword) = end.kind else { return }
        throw error("unexpected '\(keyword.rawValue)' without a matching block in this file", at: end)
    }

    /// Statements until a block end (`endmenu`, `endchoice`, `endif`) or the end
    /// of the file, which is returned unconsumed.
    func parseStatements(into parent: MenuNode, condition: Expression?, inChoice: Bool) throws(KconfigError) -> Token {
        while true {
            let start = token
            switch token.kind {
            case .endOfLine: try advance()
            case .endOfFile: return token
            case .keyword(.endmenu), .keyword(.endchoice), .keyword(.endif): return token
            case .keyword(.config): try parseConfig(into: parent, condition: condition, menuconfig: false)
            case .keyword(.menuconfig) where !inChoice:
                try parseConfig(into: parent, condition: condition, menuconfig: true)
            case .keyword(.comment): try parseComment(into: parent, condition: condition)
            case .keyword(.ifKeyword): try parseIf(into: parent, condition: condition, inChoice: inChoice)
            case .keyword(.menu) where !inChoice: try parseMenu(into: parent, condition: condition)
            case .keyword(.choice) where !inChoice: try parseChoice(into: parent, condition: condition)
            case .keyword(.source) where !inChoice, .keyword(.rsource) where !inChoice,
                 .keyword(.osource) where !inChoice, .keyword(.orsource) where !inChoice:
                try parseSource(into: parent, condition: condition)
            case .keyword(.mainmenu):
                throw error("'mainmenu' must be the first statement of the root file", at: start)
            case .word(let name) where !inChoice:
                try parseAssignment(to: name)
            case .word(let word):
                throw error("unknown statement \"\(word)\"", at: start)
            default:
                throw error("unexpected \(start.spelling)\(inChoice ? " in a choice" : "")", at: start)
            }
        }
    }

    // MARK: Blocks

    private func parseMenu(into parent: MenuNode, condition: Expression?) throws(KconfigError) {
        let start = token
        try advance()
        let node = makeNode(.menu, at: start, in: parent, condition: condition)
        node.prompt = Prompt(text: try expectQuoted(after: "menu"), condition: nil)
        try expectEndOfLine()
        while true {
            switch token.kind {
            case .endOfLine: try advance()
            case .keyword(.depends): try parseDependsOn(node)
            case .keyword(.visible): try parseVisibleIf(node)
            default:
                try parseBlockBody(of: node, opener: start, end: .endmenu, condition: nil, inChoice: false)
                return
            }
        }
    }

    private func parseIf(into parent: MenuNode, condition: Expression?, inChoice: Bool) throws(KconfigError) {
        let start = token
        try advance()
        let inner = try parseExpression()
        try expectEndOfLine()
        try parseBlockBody(of: parent, opener: start, end: .endif,
                           condition: Expression.and(condition, inner), inChoice: inChoice)
    }

    /// The statements of a block and its end keyword, which must come in this file.
    func parseBlockBody(of node: MenuNode, opener: Token, end: Keyword, condition: Expression?,
                        inChoice: Bool) throws(KconfigError) {
        guard blockDepth < maximumBlockDepth else { throw error("blocks nested too deeply", at: opener) }
        blockDepth += 1
        defer { blockDepth -= 1 }
        let last = try parseStatements(into: node, condition: condition, inChoice: inChoice)
        let name = opener.spelling
        guard last.kind == .keyword(end) else {
            if last.kind == .endOfFile {
                throw error("missing '\(end.rawValue)' for this \(name)", at: opener)
            }
            throw error("unexpected \(last.spelling) within \(name) block", at: last)
        }
        try advance()
        try expectEndOfLine()
    }

    private func parseComment(into parent: MenuNode, condition: Expression?) throws(KconfigError) {
        let start = token
        try advance()
        let node = makeNode(.comment, at: start, in: parent, condition: condition)
        node.prompt = Prompt(text: try expectQuoted(after: "comment"), condition: nil)
        try expectEndOfLine()
        while true {
            switch token.kind {
            case .endOfLine: try advance()
            case .keyword(.depends): try parseDependsOn(node)
            default: return
            }
        }
    }

    /// A new node under `parent`, depending on the enclosing `if` conditions.
    func makeNode(_ kind: MenuNode.Kind, at token: Token, in parent: MenuNode, condition: Expression?) -> MenuNode {
        let node = MenuNode(kind: kind, file: lexer.file, line: token.line)
        node.dependency = condition
        parent.append(node)
        return node
    }

    // MARK: Tokens

    func advance() throws(KconfigError) {
        token = try lexer.next()
    }

    func expectEndOfLine() throws(KconfigError) {
        guard token.kind == .endOfLine || token.kind == .endOfFile else {
            throw error("unexpected \(token.spelling), expected end of line", at: token)
        }
        try advance()
    }

    /// Ends a statement with effects on what follows (a macro variable, a
    /// sourced file): `effect` runs at the statement's newline, before the
    /// next line is read, as Linux's parser reduces the statement there —
    /// reading on first would expand the next line's macros too early.
    func endStatement(_ effect: () throws(KconfigError) -> Void) throws(KconfigError) {
        guard token.kind == .endOfLine || token.kind == .endOfFile else {
            throw error("unexpected \(token.spelling), expected end of line", at: token)
        }
        try effect()
        try advance()
    }

    func expectQuoted(after keyword: String) throws(KconfigError) -> String {
        guard case .quoted(let text) = token.kind else {
            throw error("expected a quoted string after '\(keyword)', found \(token.spelling)", at: token)
        }
        try advance()
        return text
    }

    func error(_ message: String, at token: Token) -> KconfigError {
        lexer.error(message, line: token.line, column: token.column)
    }

    func warn(_ message: String, at token: Token) {
        warnings.append(Diagnostic(severity: .warning, file: lexer.file, line: token.line, message: message))
    }

    func warn(_ message: String, node: MenuNode) {
        warnings.append(Diagnostic(severity: .warning, file: node.file, line: node.line, message: message))
    }
}
