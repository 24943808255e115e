/// Macro variable assignments: `NAME = value`, `NAME := value`,
/// `NAME += value` (Linux's assignment_stmt; not allowed inside a choice).
extension Parser {
    /// At a word opening a statement: an assignment, or an unknown statement.
    func parseAssignment(to name: String) throws(KconfigError) {
        let start = token
        try advance()
        let flavor: Preprocessor.Flavor
        switch token.kind {
        case .symbol(.equal): flavor = .recursive
        case .symbol(.colonEqual): flavor = .simple
        case .symbol(.plusEqual): flavor = .append
        default: throw error("unknown statement \"\(name)\"", at: start)
        }
        try advance()
        var value = ""
        switch token.kind {
        case .assignmentValue(let text):
            value = text
            try advance()
        case .endOfLine, .endOfFile:
            break
        default:
            // The lexer did not take the line as an assignment (e.g. right
            // after help text), so neither does Linux.
            throw error("unknown statement \"\(name)\"", at: start)
        }
        try endStatement { () throws(KconfigError) in
            do throws(Preprocessor.Failure) {
                try sources.preprocessor.assign(name, value, flavor: flavor,
                                                location: Preprocessor.Location(file: lexer.file, line: start.line))
            } catch {
                throw self.error(error.message, at: start)
            }
        }
    }
}
