import Glibc

/// The three kinds of question of `OldConfigDialog`: Linux's `conf_sym`,
/// `conf_string` and `conf_choice`.
extension OldConfigDialog {
    /// A bool or tristate (or a choice's mode): `Text (NAME) [Y/n/?] `.
    func askTristate(_ node: MenuNode, _ symbol: Symbol) {
        while true {
            print(indentPadding + node.promptText + " ")
            if !symbol.name.isEmpty { print("(\(symbol.name)) ") }
            let current = symbol.tristateValue
            var choices = "[" + current.description.uppercased()
            for value in [Tristate.no, .module, .yes] where value != current && symbol.tristateWithinRange(value) {
                choices += "/\(value)"
            }
            print(choices + "/?] ")
            guard readAnswer(symbol, current: symbol.value) else { return }
            let answer = Self.stripped(line)
            guard let value = Self.tristateAnswer(answer, current: current) else {
                if answer.first == "?" { printHelp(node) }
                continue
            }
            if self.answer(symbol, value.description) { return }
            printHelp(node)
            if giveUpIfInputEnded() { return }
        }
    }

    /// `y`/`yes`, `m`, `n`/`no` in any case, or empty for `current`; nil otherwise.
    private static func tristateAnswer(_ answer: String, current: Tristate) -> Tristate? {
        guard let first = answer.first else { return current }
        let rest = answer.dropFirst()
        switch first {
        case "n", "N": return rest.isEmpty || rest == "o" ? .no : nil
        case "m", "M": return rest.isEmpty ? .module : nil
        case "y", "Y": return rest.isEmpty || rest == "es" ? .yes : nil
        default: return nil
        }
    }

    /// An int, hex or string: `Text (NAME) [value] `.
    func askString(_ node: MenuNode, _ symbol: Symbol) {
        while true {
            let current = symbol.value
            print(indentPadding + node.promptText + " (\(symbol.name)) [\(current)] ")
            guard readAnswer(symbol, current: current) else { return }
            var answer: String? = current
            if line == "?\n" {
                printHelp(node)
                answer = nil
            } else if line != "\n" {
                // Linux cuts the last byte, the newline when there is one.
                answer = String(decoding: line.utf8.dropLast(), as: UTF8.self)
            }
            guard let answer else { continue }
            if self.answer(symbol, answer) || giveUpIfInputEnded() { return }
        }
    }

    /// A choice: its mode when it can be changed, then its members; the
    /// picked member's own entries are asked after it.
    func askChoice(_ node: MenuNode, _ choice: Symbol) {
        let isNew = !choice.user.isSet
        if choice.isChangeable {
            askTristate(node, choice)
            guard choice.tristateValue == .yes else { return }
        } else {
            if choice.tristateValue == .module { print(indentPadding + node.promptText + "\n") }
            guard choice.tristateValue == .yes else { return }
        }
        while true {
            guard let picked = visibleMember(pickMember(node, choice, isNew: isNew), of: node) else {
                if giveUpIfInputEnded() { return }
                continue
            }
            if line.hasSuffix("?") {
                printHelp(picked)
                continue
            }
            if let member = picked.symbol { _ = answer(member, "y") }
            askChildren(of: picked)
            return
        }
    }

    /// Lists the visible members and reads a number (again after `?` help
    /// or an answer that is not a number).
    private func pickMember(_ node: MenuNode, _ choice: Symbol, isNew: Bool) -> Int {
        while true {
            let current = listMembers(node, choice)
            print(indentPadding + "choice")
            line = ""
            if current.count == 1 {
                print("[1]: 1\n")
                return 1
            }
            print("[1-\(current.count)?]: ")
            if !isNew && !isAskingEverything {
                print("\(current.selected)\n")
                return current.selected
            }
            readLine()
            line = Self.stripped(line)
            if line.first == "?" {
                printHelp(node)
                continue
            }
            if line.isEmpty { return current.selected }
            if let first = line.utf8.first, first.isDigit { return Int(atoi(line)) }
        }
    }

    /// Prints the choice's title and visible members (`>` marks the
    /// current one); returns their count and the current one's number (0 if none).
    private func listMembers(_ node: MenuNode, _ choice: Symbol) -> (count: Int, selected: Int) {
        print(indentPadding + node.promptText + "\n")
        let selection = choice.cache.selection
        var count = 0, selected = 0
        for child in node.children where kconfig.isShown(child) {
            guard let member = child.symbol else {
                print(indentPadding + "* " + child.promptText + "\n")
                continue
            }
            count += 1
            if member === selection { selected = count }
            var entry = (member === selection ? indentPadding + ">" : padding(indentWidth)) + " \(count). \(child.promptText)"
            if !member.name.isEmpty { entry += " (\(member.name))" }
            if !member.user.isSet { entry += " (NEW)" }
            print(entry + "\n")
        }
        return (count, selected)
    }

    /// The `number`-th visible member node (1-based), if there is one.
    private func visibleMember(_ number: Int, of node: MenuNode) -> MenuNode? {
        guard number > 0 else { return nil }
        let members = node.children.filter { $0.symbol != nil && kconfig.isShown($0) }
        return number <= members.count ? members[number - 1] : nil
    }

    /// C's `strip`: without leading and trailing white space.
    static func stripped(_ text: String) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0d).contains($0) }
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
