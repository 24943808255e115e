/// What a cell looks like. The terminal layer turns each into colours, or
/// into attributes alone (reverse, bold, dim, underline) under `NO_COLOR`,
/// so every style stays distinguishable without colour.
public enum Style: Int, CaseIterable, Sendable {
    case plain
    /// Titles and the back title.
    case heading
    /// The line under the cursor, and the focused button.
    case selected
    /// Entries shown only because "show all" is on.
    case dim
    /// Values the user changed from their default.
    case changed
    /// Unmet dependencies and refused input.
    case warning
}

/// A screen as text and styles, independent of any terminal: what the
/// renderer draws into and the tests read back.
public struct ScreenBuffer: Equatable {
    public let width: Int
    public let height: Int
    /// Row-major; a wide character's second column holds `""`.
    public private(set) var characters: [String]
    public private(set) var styles: [Style]

    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        characters = Array(repeating: " ", count: self.width * self.height)
        styles = Array(repeating: .plain, count: self.width * self.height)
    }

    /// Writes `text` from (row, column), clipped at `limit` columns (default:
    /// the screen's edge); control characters become spaces. - Returns: the
    /// column after the text.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard row >= 0 && row < height else { return column }
        let end = min(width, limit.map { column + $0 } ?? width)
        var column = column
        for character in text {
            let printable = DisplayWidth.of(character) == 0 ? " " : character
            let cells = DisplayWidth.of(printable)
            guard column + cells <= end else { break }
            if column >= 0 {
                set(row, column, String(printable), style)
                if cells == 2 { set(row, column + 1, "", style) }
            }
            column += cells
        }
        return column
    }

    /// Fills a rectangle with spaces of one style.
    public mutating func fill(row: Int, column: Int, width: Int, height: Int, style: Style = .plain) {
        for y in max(row, 0)..<min(row + height, self.height) {
            for x in max(column, 0)..<min(column + width, self.width) { set(y, x, " ", style) }
        }
    }

    /// A frame of line-drawing characters with `title` centred in its top edge.
    public mutating func box(row: Int, column: Int, width: Int, height: Int, title: String = "", style: Style = .plain) {
        guard width >= 2 && height >= 2 else { return }
        let bottom = row + height - 1, right = column + width - 1
        for x in column + 1..<right {
            put("─", row: row, column: x, style: style)
            put("─", row: bottom, column: x, style: style)
        }
        for y in row + 1..<bottom {
            put("│", row: y, column: column, style: style)
            put("│", row: y, column: right, style: style)
        }
        put("┌", row: row, column: column, style: style)
        put("┐", row: row, column: right, style: style)
        put("└", row: bottom, column: column, style: style)
        put("┘", row: bottom, column: right, style: style)
        guard !title.isEmpty, width > 6 else { return }
        let shown = DisplayWidth.prefix(" \(title) ", fitting: width - 4)
        put(shown, row: row, column: column + (width - DisplayWidth.of(shown)) / 2, style: .heading)
    }

    /// The character and style at a cell.
    public func cell(row: Int, column: Int) -> (character: String, style: Style) {
        (characters[row * width + column], styles[row * width + column])
    }

    /// The rows as text, trailing spaces removed.
    public var lines: [String] {
        (0..<height).map { row in
            var line = characters[row * width..<(row + 1) * width].joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    private mutating func set(_ row: Int, _ column: Int, _ character: String, _ style: Style) {
        characters[row * width + column] = character
        styles[row * width + column] = style
    }
}
