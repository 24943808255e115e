/// The line-oriented dialog of `oldconfig`, `syncconfig` and `oldaskconfig`,
/// after Linux 6.1's `conf`, `check_conf`, `conf_sym`, `conf_string` and
/// `conf_choice` (conf.c), with their prompts byte for byte.
///
/// | step | what happens |
/// |------|--------------|
/// | find | visible entries are walked in menu order; a *new* one (no user value, and changeable or a choice in `y` mode) starts `* Restart config...` once per round, then the menu around it is asked again |
/// | ask  | every visible entry of that menu prints its prompt; symbols with a value print it and move on, new ones read a line |
/// | repeat | until a round finds nothing new (an answer may reveal new entries) |
///
/// | prompt | answers |
/// |--------|---------|
/// | `Text (NAME) [Y/n/m/?] (NEW) ` | `y`/`yes`, `n`/`no`, `m` (any case), empty for the current value, `?` for help; anything else asks again |
/// | `Text (NAME) [value] (NEW) ` (int, hex, string) | a value (refused ones are asked again), empty for the current one, `?` for help |
/// | `Choice` then `> 1. Member (NAME) (NEW)` …, `choice[1-N?]: ` | a number, empty for the current member, `?` for help, `N?` for a member's help |
///
/// When input is not a terminal each answer read is echoed. At the end of
/// input an empty answer is assumed ("Error in reading or end of file." on
/// stderr). Unlike Linux, which then asks forever when an empty answer is
/// refused (an int without default), the dialog stops asking there.
final class OldConfigDialog {
    let kconfig: Kconfig
    private let console: ConfConsole
    /// `oldaskconfig`'s first walk: every entry is asked, not only new ones.
    private var asksEverything: Bool
    /// Spaces before prompts plus one (Linux's `indent`).
    private var indent = 1
    /// How many menus this round asked again (Linux's `conf_cnt`).
    private var restarts = 0
    /// The menu being asked (Linux's `rootEntry`).
    private var rootEntry: MenuNode?
    /// The last line read, as Linux's `line` buffer holds it.
    var line = ""
    /// Input has ended: every further answer is empty.
    private var inputEnded = false
    /// Input ended and an answer was refused: stop asking.
    private var stuck = false

    init(kconfig: Kconfig, console: ConfConsole, asksEverything: Bool) {
        self.kconfig = kconfig
        self.console = console
        self.asksEverything = asksEverything
    }

    /// Runs the dialog until no new symbol is left.
    func run() {
        kconfig.forgetUnansweredChoices()
        if asksEverything {
            rootEntry = kconfig.rootMenu
            ask(kconfig.rootMenu)
            asksEverything = false
        }
        // Each round answers at least one new symbol; more rounds than
        // symbols means one is never reached, where Linux would loop forever.
        var rounds = kconfig.symbols.count + kconfig.choices.count + 1
        repeat {
            restarts = 0
            findNew(in: kconfig.rootMenu)
            rounds -= 1
        } while restarts > 0 && !stuck && rounds > 0
    }

    /// Linux's `check_conf`: asks again the menu of each new entry.
    private func findNew(in node: MenuNode) {
        guard !stuck, kconfig.isShown(node) else { return }
        if let symbol = node.symbol, symbol.isNew {
            if restarts == 0 { console.print("*\n* Restart config...\n*\n") }
            restarts += 1
            rootEntry = node.enclosingMenu
            if let rootEntry { ask(rootEntry) }
        }
        node.children.forEach(findNew)
    }

    /// Linux's `conf`: prints a menu's or comment's title and asks each
    /// entry below it; nested menus are only searched for new entries.
    func ask(_ node: MenuNode) {
        guard !stuck, kconfig.isShown(node) else { return }
        if node.hasMenuPrompt && !asksEverything && node !== rootEntry { return findNew(in: node) }
        if case .comment = node.kind { printTitle(node.promptText) }
        if node.hasMenuPrompt { printTitle(node.promptText) }
        if let symbol = node.symbol {
            if symbol.isChoice {
                askChoice(node, symbol)
                guard symbol.tristateValue == .module else { return }
            } else if symbol.type.isBoolOrTristate {
                askTristate(node, symbol)
            } else {
                askString(node, symbol)
            }
            indent += 2
        }
        node.children.forEach(ask)
        if node.symbol != nil { indent -= 2 }
    }

    private func printTitle(_ title: String) {
        let pad = padding(indent - 1)
        console.print("\(pad)*\n\(pad)* \(title)\n\(pad)*\n")
    }

    func padding(_ count: Int) -> String { String(repeating: " ", count: max(count, 0)) }

    /// Linux's `conf_askvalue`: prints the current value for entries not to
    /// be asked, else reads a line. Returns whether a line was read.
    func readAnswer(_ symbol: Symbol, current: String) -> Bool {
        if !symbol.user.isSet { console.print("(NEW) ") }
        line = "\n"
        if !symbol.isChangeable || (symbol.user.isSet && !asksEverything) {
            console.print(current + "\n")
            return false
        }
        readLine()
        return true
    }

    /// Linux's `xfgets`: keeps the buffer at the end of input; echoes what
    /// it holds when the dialog does not run on a terminal.
    func readLine() {
        if let read = console.readLine(limit: 4095) {
            line = read
        } else {
            console.printError("\nError in reading or end of file.\n")
            inputEnded = true
        }
        if !console.isTerminal { console.print(line) }
    }

    /// After a refused answer: stop when input has ended (Linux would ask forever).
    func giveUpIfInputEnded() -> Bool {
        if inputEnded { stuck = true }
        return stuck
    }

    /// Sets the user's answer; false when refused. Values are then computed
    /// afresh, and choices with visible unanswered members count as new again.
    func answer(_ symbol: Symbol, _ value: String) -> Bool {
        guard symbol.setUserValue(value) else { return false }
        kconfig.forgetUnansweredChoices()
        return true
    }

    /// Prints `?` help for an entry.
    func printHelp(_ node: MenuNode) {
        console.print("\n\(node.helpText)\n")
    }

    /// Asks the entries under a picked choice member, indented one level more.
    func askChildren(of node: MenuNode) {
        indent += 2
        node.children.forEach(ask)
        indent -= 2
    }

    func print(_ text: String) { console.print(text) }
    /// The spaces before a prompt at the current depth.
    var indentPadding: String { padding(indent - 1) }
    var indentWidth: Int { indent }
    var isAskingEverything: Bool { asksEverything }
}

extension MenuNode {
    /// Linux's `menu_get_parent_menu`: the nearest menu at or above the node.
    fileprivate var enclosingMenu: MenuNode? {
        var node: MenuNode? = self
        while let current = node {
            if current.hasMenuPrompt || current.parent == nil { return current }
            node = current.parent
        }
        return nil
    }

    /// Whether Linux gives the prompt the type P_MENU: `menu`s, the main
    /// menu, and `menuconfig` symbols, which the dialog treats as menus.
    var hasMenuPrompt: Bool {
        if case .menu = kind { return true }
        return isMenuconfig && prompt != nil
    }
}
