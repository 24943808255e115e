/// `source`, `rsource`, `osource` and `orsource` (see `SourceResolver`).
extension Parser {
    /// Deepest chain of nested `source`s accepted.
    private var maximumSourceDepth: Int { 64 }

    func parseSource(into parent: MenuNode, condition: Expression?) throws(KconfigError) {
        let start = token
        guard case .keyword(let keyword) = token.kind else { return }
        try advance()
        let written = try expectQuoted(after: keyword.rawValue)
        let name = sources.name(for: written, keyword: keyword, includingFile: lexer.file)
        try endStatement { () throws(KconfigError) in
            guard let files = sources.files(named: name, keyword: keyword) else {
                throw error("can't open file \"\(name)\"", at: start)
            }
            for file in files {
                try include(file, into: parent, condition: condition, at: start)
            }
        }
    }

    /// Parses the file `name` as if its statements stood at the `source`.
    private func include(_ name: String, into parent: MenuNode, condition: Expression?,
                         at start: Token) throws(KconfigError) {
        if openFiles.contains(name) {
            let chain = (openFiles + [name]).map { "\"\($0)\"" }.joined(separator: " -> ")
            throw error("recursive inclusion: \(chain)", at: start)
        }
        guard openFiles.count < maximumSourceDepth else {
            throw error("'source' nested too deeply", at: start)
        }
        let file: SourceFile
        switch sources.read(name) {
        case .success(let read): file = read
        case .failure(let errno): throw error("can't open file \"\(name)\": \(errno)", at: start)
        }
        openFiles.append(name)
        filesRead.append(name)
        defer { openFiles.removeLast() }
        try withFile(file) { () throws(KconfigError) in try parseFileBody(into: parent, condition: condition) }
    }
}
