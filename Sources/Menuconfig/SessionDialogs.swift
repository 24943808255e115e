import KconfigKit

/// The dialogs' keys, and what opens them.
extension Session {
    func handleDialogKey(_ key: Key) {
        guard let open = dialog else { return }
        switch open {
        case .text(var view): handleText(key, &view)
        case .input(var box): handleInput(key, &box)
        case .choice(var list): handleChoice(key, &list)
        case .results(var results): handleResults(key, &results)
        case .confirmExit(let focus): handleConfirmExit(key, focus: focus)
        }
    }

    /// `?`: Linux's help text, then why the value is what it is.
    func showHelp(_ node: MenuNode?) {
        guard let node else { return }
        var lines = node.helpText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        if let symbol = node.symbol {
            let why = symbol.explanation
            if !why.isEmpty { lines += [""] + why }
        }
        dialog = .text(TextView(title: node.promptText, lines: lines))
    }

    func askSearch() {
        dialog = .input(InputBox(purpose: .search, title: "Search Configuration Parameter",
                                 prompt: ["Symbol name or prompt (regular expression, case ignored):"], text: ""))
    }

    func askSaveAs() {
        dialog = .input(InputBox(purpose: .saveAs, title: "Save Configuration",
                                 prompt: ["Save the configuration to this file:"], text: config.configName))
    }

    func askLoad() {
        dialog = .input(InputBox(purpose: .load, title: "Load Configuration",
                                 prompt: ["Load a configuration from this file:"], text: config.configName))
    }

    private func handleText(_ key: Key, _ view: inout TextView) {
        switch key {
        case .up: view.top = max(view.top - 1, 0)
        case .down: view.top += 1
        case .pageUp: view.top = max(view.top - pageSize, 0)
        case .pageDown, .character(" "): view.top += pageSize
        case .home: view.top = 0
        case .end: view.top = view.lines.count
        case .escape, .enter, .left, .character("q"), .character("?"), .function(1):
            dialog = nil
            return
        default: break
        }
        view.top = min(view.top, max(view.lines.count - 1, 0))
        dialog = .text(view)
    }

    private func handleInput(_ key: Key, _ box: inout InputBox) {
        switch key {
        case .escape:
            dialog = nil
            return
        case .enter:
            dialog = nil
            submit(&box)
            if box.problem != nil { dialog = .input(box) }
            return
        default:
            if case .character(let character) = key, character.isNewline { return }
            _ = box.edit(key)
        }
        dialog = .input(box)
    }

    /// Enter in an edit box: the value, pattern or file name is used, or the
    /// box stays open with the reason it was refused.
    private func submit(_ box: inout InputBox) {
        switch box.purpose {
        case .value(let symbol):
            if let problem = symbol.inputProblem(box.text) {
                box.problem = problem
                return
            }
            apply(box.text, to: symbol)
        case .search:
            do {
                let nodes = try SymbolSearch.find(box.text, in: config.kconfig)
                guard !nodes.isEmpty else {
                    message = ("No matches for '\(box.text)'", true)
                    return
                }
                dialog = .results(SearchResults(pattern: box.text, nodes: nodes))
            } catch {
                box.problem = error.description
            }
        case .saveAs:
            guard !box.text.isEmpty else { return box.problem = "A file name is needed." }
            let saved = config.save(as: box.text)
            let notes = config.takeMessages()
            guard saved else { return box.problem = notes.last ?? "Cannot write \(box.text)." }
            message = (notes.last ?? "configuration written to \(box.text)", false)
        case .load:
            guard !box.text.isEmpty else { return box.problem = "A file name is needed." }
            let loaded = config.load(box.text)
            let notes = config.takeMessages()
            guard loaded else { return box.problem = notes.last ?? "Cannot read \(box.text)." }
            valuesChanged()
            frames = [Frame(menu: config.kconfig.rootMenu)]
            message = (notes.isEmpty ? "Loaded \(box.text)" : "Loaded \(box.text): \(notes.count) warnings, first: \(notes[0])",
                       !notes.isEmpty)
        }
    }

    private func handleChoice(_ key: Key, _ list: inout ChoiceList) {
        switch key {
        case .up: list.cursor = max(list.cursor - 1, 0)
        case .down: list.cursor = min(list.cursor + 1, list.members.count - 1)
        case .home: list.cursor = 0
        case .end: list.cursor = list.members.count - 1
        case .escape, .left:
            dialog = nil
            return
        case .function(1), .character("?"):
            showHelp(list.members[list.cursor])
            return
        case .enter, .character(" "), .character("y"), .character("Y"):
            dialog = nil
            if let member = list.members[list.cursor].symbol {
                if member.inputProblem("y") != nil { return showRefusal(member, wanted: .yes) }
                apply("y", to: member)
            }
            return
        default: break
        }
        dialog = .choice(list)
    }

    private func handleResults(_ key: Key, _ results: inout SearchResults) {
        switch key {
        case .up: results.cursor = max(results.cursor - 1, 0)
        case .down: results.cursor = min(results.cursor + 1, results.nodes.count - 1)
        case .pageUp: results.cursor = max(results.cursor - max(pageSize / 3, 1), 0)
        case .pageDown: results.cursor = min(results.cursor + max(pageSize / 3, 1), results.nodes.count - 1)
        case .home: results.cursor = 0
        case .end: results.cursor = results.nodes.count - 1
        case .escape, .left:
            dialog = nil
            return
        case .function(1), .character("?"):
            showHelp(results.nodes[results.cursor])
            return
        case .enter, .right:
            dialog = nil
            jump(to: results.nodes[results.cursor])
            return
        default: break
        }
        dialog = .results(results)
    }

    private func handleConfirmExit(_ key: Key, focus: Int) {
        var choice: Int?
        switch key {
        case .left, .backTab: dialog = .confirmExit(focus: (focus + 2) % 3)
        case .right, .tab: dialog = .confirmExit(focus: (focus + 1) % 3)
        case .character("y"), .character("Y"): choice = 0
        case .character("n"), .character("N"): choice = 1
        case .escape: choice = 2
        case .enter: choice = focus
        default: break
        }
        switch choice {
        case 0:
            dialog = nil
            if config.save() {
                outcome = .saved
            } else {
                message = (config.takeMessages().last ?? "Cannot write \(config.configName).", true)
            }
        case 1:
            dialog = nil
            outcome = .discarded
        case 2: dialog = nil
        default: break
        }
    }
}
