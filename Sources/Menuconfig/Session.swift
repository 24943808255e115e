import KconfigKit

/// menuconfig's state and behaviour, without a terminal: keys go in
/// (`handle`), screens come out (`render`). The terminal layer only
/// translates between this and ncurses.
public final class Session {
    /// One menu screen on the way down from the main menu.
    struct Frame {
        var menu: MenuNode
        var cursor = 0
        var top = 0
    }

    /// How the session ended.
    public enum Outcome: Equatable {
        case saved
        case discarded
        /// Nothing was changed since the last save.
        case unchanged
    }

    public let config: InteractiveConfig
    var frames: [Frame]
    var layout = MenuItems()
    var dialog: Dialog?
    /// The line above the buttons: the result of the last action.
    var message: (text: String, isWarning: Bool)?
    /// The button row's focus: 0 is Select.
    var focusedButton = 0
    /// Rows of the menu list in the last render (for PgUp/PgDn).
    var pageSize = 10
    /// The current screen's lines, kept between keys until a value, the
    /// screen or the layout changes (building them evaluates every entry).
    private var cachedItems: (menu: MenuNode, layout: MenuItems, items: [MenuItem])?
    public internal(set) var outcome: Outcome?

    static let buttons = ["Select", "Exit", "Help", "Search", "Save", "Load"]

    public init(config: InteractiveConfig) {
        self.config = config
        frames = [Frame(menu: config.kconfig.rootMenu)]
        message = config.takeMessages().last.map { ($0, true) }
    }

    public var showsAll: Bool { layout.showsAll }
    public var showsNames: Bool { layout.showsNames }

    /// The lines of the current screen.
    var items: [MenuItem] {
        let menu = frames[frames.count - 1].menu
        if let cached = cachedItems, cached.menu === menu, cached.layout == layout { return cached.items }
        let items = layout.items(of: menu)
        cachedItems = (menu, layout, items)
        return items
    }

    /// Drops what was derived from the values; every change of values goes through here.
    func valuesChanged() {
        cachedItems = nil
    }

    /// The item under the cursor, clamping the cursor to the list.
    var current: MenuItem? {
        let items = items
        guard !items.isEmpty else { return nil }
        let index = min(max(frames[frames.count - 1].cursor, 0), items.count - 1)
        frames[frames.count - 1].cursor = index
        return items[index]
    }

    public func handle(_ key: Key) {
        if key == .resize { return }
        if dialog != nil { return handleDialogKey(key) }
        message = nil
        switch key {
        case .up: moveCursor(by: -1)
        case .down: moveCursor(by: 1)
        case .pageUp: moveCursor(by: -max(pageSize - 1, 1))
        case .pageDown: moveCursor(by: max(pageSize - 1, 1))
        case .home: moveCursor(by: Int.min / 2)
        case .end: moveCursor(by: Int.max / 2)
        case .tab: focusedButton = (focusedButton + 1) % Self.buttons.count
        case .backTab: focusedButton = (focusedButton + Self.buttons.count - 1) % Self.buttons.count
        case .enter: pressButton(focusedButton)
        case .right: open(current, toggles: false)
        case .escape, .left, .backspace: goBack()
        case .function(1), .character("?"): showHelp(current?.node)
        case .function(2): toggleShowAll()
        case .function(3): layout.showsNames.toggle()
        case .function(6): askSaveAs()
        case .function(7): askLoad()
        case .function(8), .character("/"): askSearch()
        case .function(9): requestExit()
        case .character(" "): cycleValue()
        case .character("y"), .character("Y"): setValue(.yes)
        case .character("m"), .character("M"): setValue(.module)
        case .character("n"), .character("N"): setValue(.no)
        case .character(let character): jump(to: character)
        default: break
        }
    }

    private func pressButton(_ index: Int) {
        focusedButton = 0
        switch Self.buttons[index] {
        case "Exit": goBack()
        case "Help": showHelp(current?.node)
        case "Search": askSearch()
        case "Save": askSaveAs()
        case "Load": askLoad()
        default: open(current, toggles: true)
        }
    }

    func moveCursor(by delta: Int) {
        let count = items.count
        guard count > 0 else { return }
        let cursor = frames[frames.count - 1].cursor
        frames[frames.count - 1].cursor = min(max(cursor &+ delta, 0), count - 1)
    }

    /// Enter: into a submenu or a choice, an edit box for a value; with
    /// `toggles`, a bool or tristate moves to its next value.
    private func open(_ item: MenuItem?, toggles: Bool) {
        guard let item else { return }
        switch item.kind {
        case .submenu: frames.append(Frame(menu: item.node))
        case .choice: openChoice(item.node)
        case .value: if let symbol = item.node.symbol { askValue(symbol, node: item.node) }
        case .toggle: if toggles { cycleValue() }
        case .label: if toggles, item.node.symbol != nil { showRefusal(item.node.symbol!) }
        }
    }

    private func goBack() {
        if frames.count > 1 {
            frames.removeLast()
        } else {
            requestExit()
        }
    }

    /// Leaves, asking first when there is something to save.
    func requestExit() {
        if config.hasUnsavedChanges {
            dialog = .confirmExit(focus: 0)
        } else {
            outcome = .unchanged
        }
    }

    private func toggleShowAll() {
        let node = current?.node
        layout.showsAll.toggle()
        if let node, let index = items.firstIndex(where: { $0.node === node }) { frames[frames.count - 1].cursor = index }
        message = ("Show all entries: \(layout.showsAll ? "on" : "off")", false)
    }

    /// mconf's hotkeys: the next entry whose prompt starts with the letter.
    private func jump(to character: Character) {
        let items = items
        guard !items.isEmpty, let wanted = character.lowercased().first else { return }
        let start = frames[frames.count - 1].cursor
        for offset in 1...items.count {
            let index = (start + offset) % items.count
            let first = items[index].node.promptText.first { $0.isLetter || $0.isNumber }
            if first?.lowercased().first == wanted {
                frames[frames.count - 1].cursor = index
                return
            }
        }
    }

    /// Opens the screen that shows `node` and puts the cursor on it (the
    /// choice, for a member); turns "show all" on when it is hidden.
    func jump(to node: MenuNode) {
        var target = node
        while let parent = target.parent, parent.symbol?.isChoice == true { target = parent }
        var screens: [MenuNode] = []
        var ancestor = target.parent
        while let current = ancestor {
            if current.parent == nil || current.isScreen { screens.append(current) }
            ancestor = current.parent
        }
        frames = screens.reversed().map { Frame(menu: $0) }
        if !target.isVisible || screens.contains(where: { !$0.isVisible && $0.parent != nil }) { layout.showsAll = true }
        if let index = items.firstIndex(where: { $0.node === target }) { frames[frames.count - 1].cursor = index }
    }
}

extension MenuNode {
    /// Whether menuconfig gives the node a screen of its own (a `menu`, or a
    /// `menuconfig` symbol), rather than showing it inside its parent's.
    var isScreen: Bool {
        if case .menu = kind { return true }
        return isMenuconfig && symbol?.isChoice == false
    }
}
