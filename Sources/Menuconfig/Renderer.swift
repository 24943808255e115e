import KconfigKit

/// Draws a session into a `ScreenBuffer`, mconf's layout:
///
///     .config - unikit Configuration
///     ─────────────────────────────────
///     ┌──────── Platform Configuration ────────┐
///     │ instructions (two lines)               │
///     │ ┌────────────────────────────────────┐ │
///     │ │[*] KVM guest  --->                 │ │
///     │ └────────────────────────────────────┘ │
///     │ message                                │
///     │  <Select> < Exit > < Help > …          │
///     └────────────────────────────────────────┘
///
/// Dialogs are drawn over it. Below 40×12 only a request to enlarge the
/// terminal is shown.
extension Session {
    static let minimumSize = (width: 40, height: 12)

    static let instructions = [
        "Arrows/PgUp/PgDn move, <Enter> selects, <Esc> back, <Y>/<N>/<M>/<Space> set.",
        "<?> help, </> search, letters jump; F2 show all, F3 names, F6 save, F7 load.",
    ]

    public func render(width: Int, height: Int) -> ScreenBuffer {
        var screen = ScreenBuffer(width: width, height: height)
        guard width >= Self.minimumSize.width && height >= Self.minimumSize.height else {
            screen.put("Terminal too small (min \(Self.minimumSize.width)x\(Self.minimumSize.height))", row: 0, column: 0)
            return screen
        }
        drawBackground(&screen)
        drawMenu(&screen)
        switch dialog {
        case .text(let view)?: drawText(view, &screen)
        case .input(let box)?: drawInput(box, &screen)
        case .choice(let list)?: drawChoice(list, &screen)
        case .results(let results)?: drawResults(results, &screen)
        case .confirmExit(let focus)?: drawConfirmExit(focus, &screen)
        case nil: break
        }
        return screen
    }

    private func drawBackground(_ screen: inout ScreenBuffer) {
        var title = " \(config.configName) - \(config.kconfig.mainMenuTitle)"
        for frame in frames.dropFirst() { title += " > " + frame.menu.promptText }
        var flags: [String] = []
        if layout.showsAll { flags.append("[show all]") }
        if layout.showsNames { flags.append("[names]") }
        let flagText = flags.isEmpty ? "" : " " + flags.joined(separator: " ") + " "
        let room = screen.width - DisplayWidth.of(flagText)
        // A deep trail keeps its end, where the user is.
        while DisplayWidth.of(title) > room, title.count > 1 { title.removeFirst(2); title = "…" + title }
        screen.put(title, row: 0, column: 0, style: .heading)
        screen.put(flagText, row: 0, column: room, style: .heading)
        screen.put(String(repeating: "─", count: screen.width), row: 1, column: 0)
    }

    private func drawMenu(_ screen: inout ScreenBuffer) {
        let width = screen.width, height = screen.height
        let menu = frames[frames.count - 1].menu
        screen.box(row: 2, column: 0, width: width, height: height - 2,
                   title: menu.parent == nil ? config.kconfig.mainMenuTitle : menu.promptText)
        for (offset, line) in Self.instructions.enumerated() {
            screen.put(line, row: 3 + offset, column: 2, limit: width - 4)
        }
        let listTop = 5, listHeight = height - 9
        screen.box(row: listTop, column: 2, width: width - 4, height: listHeight)
        let rows = listHeight - 2
        pageSize = rows
        let items = items
        var frame = frames[frames.count - 1]
        frame.cursor = min(max(frame.cursor, 0), max(items.count - 1, 0))
        if frame.cursor < frame.top { frame.top = frame.cursor }
        if frame.cursor >= frame.top + rows { frame.top = frame.cursor - rows + 1 }
        frame.top = max(min(frame.top, items.count - rows), 0)
        frames[frames.count - 1] = frame
        for row in 0..<rows {
            let index = frame.top + row
            guard index < items.count else { break }
            drawItem(items[index], selected: index == frame.cursor && dialog == nil,
                     row: listTop + 1 + row, width: width - 6, &screen)
        }
        if frame.top > 0 { screen.put("↑(-)", row: listTop, column: 4) }
        if frame.top + rows < items.count { screen.put("↓(+)", row: listTop + listHeight - 1, column: 4) }
        if let message {
            screen.put(message.text, row: height - 4, column: 2, style: message.isWarning ? .warning : .plain,
                       limit: width - 4)
        }
        drawButtons(Self.buttons, focus: dialog == nil ? focusedButton : -1, row: height - 2,
                    column: 1, width: width - 2, &screen)
    }

    private func drawItem(_ item: MenuItem, selected: Bool, row: Int, width: Int,
                          _ screen: inout ScreenBuffer) {
        let style: Style = selected ? .selected : item.isHidden ? .dim : .plain
        if selected { screen.fill(row: row, column: 3, width: width, height: 1, style: .selected) }
        var markerStyle = style
        if !selected, let symbol = item.node.symbol, symbol.userValue != nil, symbol.value != symbol.defaultValue {
            markerStyle = .changed
        }
        var column = screen.put(item.marker, row: row, column: 3, style: markerStyle, limit: width)
        column = screen.put(item.label, row: row, column: column, style: style, limit: width - (column - 3))
        if let symbol = item.node.symbol, symbol.hasUnmetDependencies {
            screen.put("  !! unmet dependencies", row: row, column: column, style: selected ? .selected : .warning,
                       limit: width - (column - 3))
        }
    }

    /// `< Exit >`-style buttons, centred; the focused one highlighted.
    func drawButtons(_ names: [String], focus: Int, row: Int, column: Int, width: Int, _ screen: inout ScreenBuffer) {
        let labels = names.map { name in name.count < 6 ? "< \(name.padding(toCenter: 4)) >" : "<\(name)>" }
        let total = labels.reduce(0) { $0 + $1.count } + 2 * (labels.count - 1)
        var x = column + max((width - total) / 2, 0)
        for (index, label) in labels.enumerated() {
            x = screen.put(label, row: row, column: x, style: index == focus ? .selected : .plain) + 2
        }
    }

    /// A box centred on the screen, cleared; returns its frame.
    func dialogBox(width: Int, height: Int, title: String, _ screen: inout ScreenBuffer) -> (row: Int, column: Int, width: Int, height: Int) {
        let w = min(width, screen.width - 2), h = min(height, screen.height - 2)
        let row = (screen.height - h) / 2, column = (screen.width - w) / 2
        screen.fill(row: row, column: column, width: w, height: h)
        screen.box(row: row, column: column, width: w, height: h, title: title)
        return (row, column, w, h)
    }

    private func drawText(_ view: TextView, _ screen: inout ScreenBuffer) {
        let frame = dialogBox(width: screen.width - 2, height: screen.height - 2, title: view.title, &screen)
        let lines = view.lines.flatMap { wrap($0, width: frame.width - 4) }
        let rows = frame.height - 4
        let top = min(view.top, max(lines.count - rows, 0))
        for row in 0..<rows where top + row < lines.count {
            screen.put(lines[top + row], row: frame.row + 1 + row, column: frame.column + 2, limit: frame.width - 4)
        }
        let percent = lines.count <= rows ? 100 : min(100, (top + rows) * 100 / lines.count)
        screen.put("\(percent)%", row: frame.row + frame.height - 3, column: frame.column + frame.width - 6)
        drawButtons(["Exit"], focus: 0, row: frame.row + frame.height - 2, column: frame.column + 1,
                    width: frame.width - 2, &screen)
    }

    private func drawInput(_ box: InputBox, _ screen: inout ScreenBuffer) {
        let prompt = box.prompt.flatMap { wrap($0, width: min(screen.width - 6, 70)) }
        let frame = dialogBox(width: min(screen.width - 2, 74), height: prompt.count + 7, title: box.title, &screen)
        for (offset, line) in prompt.enumerated() {
            screen.put(line, row: frame.row + 1 + offset, column: frame.column + 2, limit: frame.width - 4)
        }
        let fieldRow = frame.row + 2 + prompt.count, fieldWidth = frame.width - 4
        screen.fill(row: fieldRow, column: frame.column + 2, width: fieldWidth, height: 1, style: .selected)
        // Scroll the text so that the cursor stays in the field.
        let characters = Array(box.text)
        var start = 0
        while DisplayWidth.of(String(characters[start..<box.cursor])) >= fieldWidth { start += 1 }
        let shown = String(characters[start...])
        screen.put(shown, row: fieldRow, column: frame.column + 2, style: .selected, limit: fieldWidth)
        let cursorColumn = frame.column + 2 + DisplayWidth.of(String(characters[start..<box.cursor]))
        if cursorColumn < frame.column + 2 + fieldWidth {
            let under = box.cursor < characters.count ? String(characters[box.cursor]) : " "
            screen.put(under, row: fieldRow, column: cursorColumn, style: .plain)
        }
        if let problem = box.problem {
            screen.put(problem, row: fieldRow + 1, column: frame.column + 2, style: .warning, limit: fieldWidth)
        }
        screen.put("<Enter> accepts, <Esc> cancels", row: frame.row + frame.height - 2, column: frame.column + 2,
                   limit: fieldWidth)
    }

    private func drawChoice(_ list: ChoiceList, _ screen: inout ScreenBuffer) {
        let frame = dialogBox(width: min(screen.width - 2, 74), height: min(list.members.count + 5, screen.height - 2),
                              title: list.choice.promptText, &screen)
        let rows = frame.height - 4
        let top = max(0, list.cursor - rows + 1)
        let selection = list.choice.symbol?.selection
        for row in 0..<rows where top + row < list.members.count {
            let member = list.members[top + row]
            let mark = member.symbol === selection ? "(X) " : "( ) "
            let style: Style = top + row == list.cursor ? .selected : member.isVisible ? .plain : .dim
            var label = member.promptText
            if layout.showsNames, let name = member.symbol?.name { label += " (\(name))" }
            screen.put(mark + label, row: frame.row + 1 + row, column: frame.column + 2, style: style, limit: frame.width - 4)
        }
        screen.put("<Enter> picks, <?> help, <Esc> goes back", row: frame.row + frame.height - 2,
                   column: frame.column + 2, limit: frame.width - 4)
    }

    private func drawResults(_ results: SearchResults, _ screen: inout ScreenBuffer) {
        let frame = dialogBox(width: screen.width - 2, height: screen.height - 2,
                              title: "Search results for '\(results.pattern)' (\(results.nodes.count))", &screen)
        let perResult = 3, rows = (frame.height - 3) / perResult
        let top = max(0, results.cursor - rows + 1)
        for slot in 0..<rows where top + slot < results.nodes.count {
            let node = results.nodes[top + slot]
            let row = frame.row + 1 + slot * perResult
            let selected = top + slot == results.cursor
            let symbol = node.symbol
            let name = symbol.map { $0.name.isEmpty ? "<choice>" : $0.name } ?? ""
            let value = symbol.map { " [=\($0.value)]" } ?? ""
            screen.put("\(name)\(value)  \(node.prompt?.text ?? "")", row: row, column: frame.column + 2,
                       style: selected ? .selected : .plain, limit: frame.width - 4)
            let location = node.parent?.locationText ?? ""
            screen.put("  Location: \(location.isEmpty ? "main menu" : location)", row: row + 1, column: frame.column + 2,
                       style: node.isVisible ? .plain : .dim, limit: frame.width - 4)
            screen.put("  Defined at \(node.file):\(node.line)\(node.isVisible ? "" : " (hidden)")", row: row + 2,
                       column: frame.column + 2, style: .dim, limit: frame.width - 4)
        }
        screen.put("<Enter> jumps, <?> help, <Esc> goes back", row: frame.row + frame.height - 2,
                   column: frame.column + 2, limit: frame.width - 4)
    }

    private func drawConfirmExit(_ focus: Int, _ screen: inout ScreenBuffer) {
        let frame = dialogBox(width: 60, height: 7, title: "", &screen)
        screen.put("Do you wish to save your new configuration?", row: frame.row + 1, column: frame.column + 2,
                   limit: frame.width - 4)
        screen.put("(<Esc> to continue configuring.)", row: frame.row + 2, column: frame.column + 2, limit: frame.width - 4)
        drawButtons(["Yes", "No", "Cancel"], focus: focus, row: frame.row + frame.height - 2, column: frame.column + 1,
                    width: frame.width - 2, &screen)
    }

    /// Splits a line at spaces to fit `width` columns (long words are cut).
    func wrap(_ line: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(line) > width else { return [line] }
        var lines: [String] = []
        var rest = Substring(line)
        let indent = String(line.prefix { $0 == " " })
        while DisplayWidth.of(String(rest)) > width {
            let fitting = DisplayWidth.prefix(String(rest), fitting: width)
            let breaksAfter = rest.dropFirst(fitting.count).first == " "
            var cut = breaksAfter ? fitting.count
                : fitting.lastIndex(of: " ").map { fitting.distance(from: fitting.startIndex, to: $0) } ?? fitting.count
            if cut <= indent.count { cut = fitting.count }
            lines.append(String(rest.prefix(cut)))
            rest = rest.dropFirst(cut).drop { $0 == " " }
            rest = Substring(indent + rest)
        }
        if !rest.trimmingPrefix(" ").isEmpty { lines.append(String(rest)) }
        return lines
    }
}

extension String {
    fileprivate func padding(toCenter width: Int) -> String {
        let space = max(width - count, 0)
        return String(repeating: " ", count: space / 2) + self + String(repeating: " ", count: space - space / 2)
    }
}
