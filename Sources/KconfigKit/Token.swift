/// Reserved words of the Kconfig language. A word is a keyword only when the
/// whole word matches, as with Linux's lexer.
enum Keyword: String, CaseIterable {
    case bool, choice, comment, config, menu, menuconfig, mainmenu, modules, optional, prompt, range
    case select, imply, source, string, tristate, visible, depends, on, help, hex, int
    case defBool = "def_bool", defTristate = "def_tristate", defaultValue = "default"
    case endchoice, endif, endmenu
    case ifKeyword = "if"
    /// Extensions from Kconfiglib (not in Linux 6.1): relative and optional sourcing.
    case rsource, osource, orsource
}

extension Keyword {
    /// The keyword spelled by `word`, if any; compares bytes, which is much
    /// cheaper than making a String for each word of a large tree.
    init?(_ word: ArraySlice<UInt8>) {
        // Keywords are lower case; most words, symbol names, are not.
        guard let first = word.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
        let table = Self.byLength
        guard word.count < table.count else { return nil }
        for candidate in table[word.count] where candidate.spelling.elementsEqual(word) {
            self = candidate.keyword
            return
        }
        return nil
    }

    /// Keywords with their spellings; index n holds those n bytes long.
    private static let byLength: [[(spelling: [UInt8], keyword: Keyword)]] = {
        var table = [[(spelling: [UInt8], keyword: Keyword)]](repeating: [], count: 13)
        for keyword in allCases {
            let spelling = Array(keyword.rawValue.utf8)
            table[spelling.count].append((spelling, keyword))
        }
        return table
    }()
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
