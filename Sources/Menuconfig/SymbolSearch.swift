import Glibc
import KconfigKit

/// `/` in menuconfig: symbols whose name or prompt matches a POSIX extended
/// regular expression, case-insensitively (mconf matches names only, with
/// the same kind of expression). A leading `CONFIG_` is ignored, as in mconf.
public enum SymbolSearch {
    public struct BadPattern: Error, CustomStringConvertible {
        public let description: String
    }

    /// The menu entries of the matching symbols: exact name matches first,
    /// then names that start with the pattern, then the rest by name; one
    /// result per definition with a prompt (the first definition otherwise).
    public static func find(_ pattern: String, in kconfig: Kconfig) throws(BadPattern) -> [MenuNode] {
        var pattern = pattern
        if pattern.hasPrefix("CONFIG_") { pattern.removeFirst(7) }
        var expression = regex_t()
        let status = regcomp(&expression, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB)
        guard status == 0 else {
            var message = [CChar](repeating: 0, count: 256)
            regerror(status, &expression, &message, message.count)
            throw BadPattern(description: "bad regular expression '\(pattern)': " +
                                         String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { regfree(&expression) }
        func matches(_ text: String) -> Bool { regexec(&expression, text, 0, nil, 0) == 0 }

        // Ranking compares names with the pattern's text, without anchors.
        var lowered = Substring(pattern.lowercased())
        if lowered.hasPrefix("^") { lowered = lowered.dropFirst() }
        if lowered.hasSuffix("$") { lowered = lowered.dropLast() }
        var found: [(rank: Int, name: String, nodes: [MenuNode])] = []
        for symbol in kconfig.symbols + kconfig.choices {
            let prompted = symbol.nodes.filter { $0.prompt != nil }
            let nameMatches = !symbol.name.isEmpty && matches(symbol.name)
            guard nameMatches || prompted.contains(where: { matches($0.promptText) }) else { continue }
            let name = symbol.name.lowercased()
            let rank = name[...] == lowered ? 0 : nameMatches && name.hasPrefix(lowered) ? 1 : 2
            found.append((rank, symbol.name, prompted.isEmpty ? Array(symbol.nodes.prefix(1)) : prompted))
        }
        found.sort { ($0.rank, $0.name) < ($1.rank, $1.name) }
        return found.flatMap(\.nodes)
    }
}
