/// How many terminal columns text occupies, as `wcwidth` counts for a UTF-8
/// locale: combining marks take none, East Asian wide characters and emoji
/// take two, everything else one.
enum DisplayWidth {
    static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.value < 0x20 || (0x7f..<0xa0).contains(first.value) { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(first.value) ? 2 : 1
    }

    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `columns`.
    static func prefix(_ text: String, fitting columns: Int) -> String {
        var width = 0
        var end = text.startIndex
        for index in text.indices {
            let next = of(text[index])
            if width + next > columns { break }
            width += next
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// The wide ranges of Unicode's East Asian Width (W and F) in use.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115f, 0x2e80...0x303e, 0x3041...0x33ff, 0x3400...0x4dbf, 0x4e00...0x9fff,
             0xa000...0xa4cf, 0xac00...0xd7a3, 0xf900...0xfaff, 0xfe30...0xfe4f, 0xff00...0xff60,
             0xffe0...0xffe6, 0x1f300...0x1f64f, 0x1f900...0x1f9ff, 0x20000...0x3fffd:
            true
        default:
            false
        }
    }
}
