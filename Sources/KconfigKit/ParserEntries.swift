/// `config`, `menuconfig` and `choice` entries and their options.
extension Parser {
    func parseConfig(into parent: MenuNode, menuconfig: Bool) throws(KconfigError) {
        let start = token
        try advance()
        let symbol = try expectSymbolName(after: start.spelling)
        try expectEndOfLine()
        let node = makeNode(.symbol(symbol), at: start, in: parent)
        table.addDefinition(node, of: symbol)
        try parseOptions(of: node, symbol: symbol, inChoice: false)
        guard menuconfig else { return }
        if node.prompt == nil {
            warn("menuconfig statement without prompt", node: node)
        }
        node.isMenuconfig = true
    }

    func parseChoice(into parent: MenuNode) throws(KconfigError) {
        let start = token
        try advance()
        var name: String?
        if case .word(let word) = token.kind {
            name = word
            try advance()
        }
        try expectEndOfLine()
        let choice = table.choice(named: name)
        let node = makeNode(.choice(choice), at: start, in: parent)
        table.addDefinition(node, of: choice)
        try parseOptions(of: node, symbol: choice, inChoice: true)
        try parseBlockBody(of: node, opener: start, end: .endchoice, inChoice: true)
    }

    /// The option lines of a `config`/`choice` entry, until another statement.
    private func parseOptions(of node: MenuNode, symbol: Symbol, inChoice: Bool) throws(KconfigError) {
        while true {
            let start = token
            switch token.kind {
            case .endOfLine: try advance()
            case .keyword(.bool), .keyword(.tristate): try parseType(of: node, symbol: symbol)
            case .keyword(.int) where !inChoice, .keyword(.hex) where !inChoice, .keyword(.string) where !inChoice:
                try parseType(of: node, symbol: symbol)
            case .keyword(.prompt):
                try advance()
                try parsePrompt(of: node)
                try expectEndOfLine()
            case .keyword(.defaultValue): try parseDefault(of: node, symbol: symbol, inChoice: inChoice)
            case .keyword(.defBool) where !inChoice, .keyword(.defTristate) where !inChoice:
                try parseDefault(of: node, symbol: symbol, inChoice: false)
            case .keyword(.depends): try parseDependsOn(node)
            case .keyword(.select) where !inChoice, .keyword(.imply) where !inChoice:
                try parseReverse(of: node)
            case .keyword(.range) where !inChoice: try parseRange(of: node)
            case .keyword(.help): try parseHelp(of: node, symbol: symbol)
            case .keyword(.modules) where !inChoice: try parseModules(symbol, at: start)
            case .keyword(.optional) where inChoice:
                try advance()
                symbol.isOptional = true
                try expectEndOfLine()
            default:
                return
            }
        }
    }

    private func parseType(of node: MenuNode, symbol: Symbol) throws(KconfigError) {
        let start = token
        let type: SymbolType = switch token.kind {
        case .keyword(.bool): .bool
        case .keyword(.tristate): .tristate
        case .keyword(.int): .int
        case .keyword(.hex): .hex
        default: .string
        }
        try advance()
        setType(type, of: symbol, at: start)
        if case .quoted = token.kind { try parsePrompt(of: node) }
        try expectEndOfLine()
    }

    /// Linux's `menu_set_type`: the first type given wins.
    private func setType(_ type: SymbolType, of symbol: Symbol, at token: Token) {
        if symbol.type == type { return }
        guard symbol.type == .unknown else {
            let name = symbol.isChoice ? "<choice>" : symbol.name
            warn("ignoring type redefinition of '\(name)' from '\(symbol.type)' to '\(type)'", at: token)
            return
        }
        symbol.type = type
    }

    /// `"text" [if expr]`; the condition also gets every enclosing menu's `visible if`.
    private func parsePrompt(of node: MenuNode) throws(KconfigError) {
        let start = token
        var text = try expectQuoted(after: "prompt")
        var condition = try parseOptionalIf()
        if text.first?.isWhitespace == true {
            warn("leading whitespace ignored", at: start)
            text = String(text.drop { $0.isWhitespace })
        }
        if node.prompt != nil { warn("prompt redefined", at: start) }
        var ancestor = node.parent
        while let menu = ancestor {
            if let visibleIf = menu.visibleIf { condition = Expression.and(condition, visibleIf) }
            ancestor = menu.parent
        }
        node.prompt = Prompt(text: text, condition: condition)
    }

    private func parseDefault(of node: MenuNode, symbol: Symbol, inChoice: Bool) throws(KconfigError) {
        let start = token
        try advance()
        let value = inChoice ? Expression.symbol(try expectSymbolName(after: "'default'")) : try parseExpression()
        let condition = try parseOptionalIf()
        try expectEndOfLine()
        node.properties.append(Property(kind: .defaultValue(value), condition: condition,
                                        file: lexer.file, line: start.line))
        if start.kind == .keyword(.defBool) { setType(.bool, of: symbol, at: start) }
        if start.kind == .keyword(.defTristate) { setType(.tristate, of: symbol, at: start) }
    }

    private func parseReverse(of node: MenuNode) throws(KconfigError) {
        let start = token
        try advance()
        let target = try expectSymbolName(after: start.spelling)
        let condition = try parseOptionalIf()
        try expectEndOfLine()
        let kind: Property.Kind = start.kind == .keyword(.select) ? .select(target) : .imply(target)
        node.properties.append(Property(kind: kind, condition: condition, file: lexer.file, line: start.line))
    }

    private func parseRange(of node: MenuNode) throws(KconfigError) {
        let start = token
        try advance()
        let low = try parseOperand()
        let high = try parseOperand()
        let condition = try parseOptionalIf()
        try expectEndOfLine()
        node.properties.append(Property(kind: .range(low: low, high: high), condition: condition,
                                        file: lexer.file, line: start.line))
    }

    func parseDependsOn(_ node: MenuNode) throws(KconfigError) {
        try advance()
        guard token.kind == .keyword(.on) else {
            throw error("expected 'on' after 'depends', found \(token.spelling)", at: token)
        }
        try advance()
        let dependency = try parseExpression()
        try expectEndOfLine()
        node.dependency = Expression.and(node.dependency, dependency)
    }

    func parseVisibleIf(_ node: MenuNode) throws(KconfigError) {
        try advance()
        let condition = try parseOptionalIf()
        try expectEndOfLine()
        node.visibleIf = Expression.and(node.visibleIf, condition)
    }

    private func parseHelp(of node: MenuNode, symbol: Symbol) throws(KconfigError) {
        let start = token
        try advance()
        guard token.kind == .endOfLine else {
            throw error("unexpected \(token.spelling), expected end of line", at: token)
        }
        let text = lexer.readHelp()
        try advance()
        let name = symbol.isChoice ? "<choice>" : symbol.name
        if node.help != nil {
            warn("'\(name)' defined with more than one help text -- only the last one will be used", at: start)
        }
        if text.allSatisfy(\.isWhitespace) { warn("'\(name)' defined with blank help text", at: start) }
        node.help = text
    }

    private func parseModules(_ symbol: Symbol, at start: Token) throws(KconfigError) {
        try advance()
        try expectEndOfLine()
        if let existing = table.context.modulesSymbol {
            throw error("symbol '\(symbol.name)' redefines option 'modules' already defined by symbol '\(existing.name)'",
                        at: start)
        }
        table.context.modulesSymbol = symbol
    }

    /// A symbol name where Linux's grammar wants a non-constant symbol.
    func expectSymbolName(after keyword: String) throws(KconfigError) -> Symbol {
        guard case .word(let name) = token.kind, !["y", "m", "n"].contains(name) else {
            throw error("expected a symbol name after \(keyword), found \(token.spelling)", at: token)
        }
        try advance()
        return table.lookUp(name)
    }
}
