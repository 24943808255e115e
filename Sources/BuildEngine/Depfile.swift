/// Reads the Makefile fragment a compiler writes with `-MD -MF` (clang),
/// `-emit-dependencies` (swiftc) or `--dependency-file` (ld.lld):
/// `target: dep dep \` continued over lines, with `\ ` for a blank in a
/// name and `$$` for `$`. Later rules (clang's `-MP` phony targets) only
/// repeat dependencies and are skipped.
enum Depfile {
    /// The dependencies of the first rule, in order, without duplicates.
    static func dependencies(_ bytes: [UInt8]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for word in words(bytes).drop(while: { !$0.hasSuffix(":") }).dropFirst() {
            if word.hasSuffix(":") { break } // the next rule begins
            if seen.insert(word).inserted { result.append(word) }
        }
        return result
    }

    /// Splits at unescaped blanks and line breaks; a backslash-newline
    /// continues the line. "target:" stays one word ending in a colon.
    private static func words(_ bytes: [UInt8]) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word = []
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            switch (byte, next) {
            case (UInt8(ascii: "\\"), UInt8(ascii: "\n")?): flush(); index += 1
            case (UInt8(ascii: "\\"), UInt8(ascii: "\r")?): flush(); index += 1
            case (UInt8(ascii: "\\"), UInt8(ascii: " ")?), (UInt8(ascii: "\\"), UInt8(ascii: "#")?):
                word.append(next!); index += 1
            case (UInt8(ascii: "$"), UInt8(ascii: "$")?): word.append(byte); index += 1
            case (UInt8(ascii: " "), _), (UInt8(ascii: "\t"), _), (UInt8(ascii: "\n"), _), (UInt8(ascii: "\r"), _):
                flush()
            case (UInt8(ascii: ":"), _) where next == nil || next == UInt8(ascii: " ") || next == UInt8(ascii: "\n")
                || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\r"):
                // "target:" — a colon followed by a blank ends a target.
                word.append(byte); flush()
            default: word.append(byte)
            }
            index += 1
        }
        flush()
        return words
    }
}
