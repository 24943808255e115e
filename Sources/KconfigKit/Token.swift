/// Reserved words of the Kconfig language. A word is a keyword only when the
/// whole word matches, as with Linux's lexer.
enum Keyword: String {
    case bool, choice, comment, config, menu, menuconfig, mainmenu, modules, optional, prompt, range
    case select, imply, source, string, tristate, visible, depends, on, help, hex, int
    case defBool = "def_bool", defTristate = "def_tristate", defaultValue = "default"
    case endchoice, endif, endmenu
    case ifKeyword = "if"
    /// Extensions from Kconfiglib (not in Linux 6.1): relative and optional sourcing.
    case rsource, osource, orsource
}

enum Operator: String {
    case or = "||", and = "&&", equal = "=", unequal = "!=", less = "<", lessOrEqual = "<="
    case greater = ">", greaterOrEqual = ">=", not = "!", open = "(", close = ")"
    case colonEqual = ":=", plusEqual = "+="
}

enum TokenKind: Equatable {
    case keyword(Keyword)
    /// An unquoted word: a symbol name, number, or `y`/`m`/`n`.
    case word(String)
    /// A quoted string, escapes resolved and macros expanded.
    case quoted(String)
    case symbol(Operator)
    /// The raw text after `NAME =`, `:=` or `+=` (see `Lexer`).
    case assignmentValue(String)
    case endOfLine
    case endOfFile
}

struct Token {
    var kind: TokenKind
    var line: Int
    /// 1-based byte column of the token's first character.
    var column: Int

    /// How the token reads in an error message.
    var spelling: String {
        switch kind {
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .word(let word): "'\(word)'"
        case .quoted(let text): "\"\(text)\""
        case .symbol(let op): "'\(op.rawValue)'"
        case .assignmentValue(let text): "'\(text)'"
        case .endOfLine: "end of line"
        case .endOfFile: "end of file"
        }
    }
}
