import CNcurses
import Glibc

/// The terminal through ncurses: it knows the terminal's capabilities
/// (terminfo), draws line characters as the terminal can (ACS), sends only
/// what changed, and decodes keys, UTF-8 input and resizes.
public final class CursesTerminal {
    private let isUTF8: Bool
    private var attributes: [attr_t] = []

    /// Takes over the terminal. - Parameter colors: false for `NO_COLOR`:
    /// styles become reverse, bold, dim and underline only.
    public init(colors: Bool) {
        setlocale(LC_ALL, "")
        isUTF8 = String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(unikit_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        attributes = Self.attributes(colors: colors && has_colors())
    }

    /// Gives the terminal back as it was.
    public func close() {
        endwin()
    }

    public var size: (width: Int, height: Int) { (Int(unikit_cols()), Int(unikit_lines())) }

    private static func attributes(colors: Bool) -> [attr_t] {
        let bold = unikit_a_bold(), reverse = unikit_a_reverse()
        guard colors else {
            return Style.allCases.map { style in
                switch style {
                case .plain: unikit_a_normal()
                case .heading: bold
                case .selected: reverse
                case .dim: unikit_a_dim()
                case .changed: bold | unikit_a_underline()
                case .warning: bold | reverse
                }
            }
        }
        start_color()
        use_default_colors()
        init_pair(1, Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        init_pair(2, Int16(COLOR_CYAN), -1)
        init_pair(3, Int16(COLOR_RED), -1)
        init_pair(4, Int16(COLOR_YELLOW), -1)
        return Style.allCases.map { style in
            switch style {
            case .plain: unikit_a_normal()
            case .heading: bold | unikit_color_pair(4)
            case .selected: bold | unikit_color_pair(1)
            case .dim: unikit_a_dim()
            case .changed: bold | unikit_color_pair(2)
            case .warning: bold | unikit_color_pair(3)
            }
        }
    }

    /// Shows `screen`; ncurses sends the difference from what is shown.
    public func paint(_ screen: ScreenBuffer) {
        erase()
        for row in 0..<screen.height {
            move(Int32(row), 0)
            var run = ""
            var runStyle = Style.plain
            func flush() {
                guard !run.isEmpty else { return }
                attrset(Int32(bitPattern: attributes[runStyle.rawValue]))
                addstr(run)
                run = ""
            }
            for column in 0..<screen.width {
                let (character, style) = screen.cell(row: row, column: column)
                if character.isEmpty { continue }
                if style != runStyle { flush(); runStyle = style }
                if let line = Self.lineDrawing[character] {
                    flush()
                    // The bottom-right cell cannot take a character without scrolling.
                    if row == screen.height - 1 && column == screen.width - 1 { continue }
                    addch(unikit_acs(line) | chtype(attributes[style.rawValue]))
                } else if isUTF8 || character.utf8.count == 1 {
                    run += character
                } else {
                    run += Self.asciiFallback[character] ?? String(repeating: "?", count: DisplayWidth.of(Character(character)))
                }
            }
            if row == screen.height - 1 { run = String(run.dropLast()) }
            flush()
        }
        refresh()
    }

    /// ACS names of the box characters the renderer uses.
    private static let lineDrawing: [String: CChar] = [
        "─": CChar(UInt8(ascii: "q")), "│": CChar(UInt8(ascii: "x")), "┌": CChar(UInt8(ascii: "l")),
        "┐": CChar(UInt8(ascii: "k")), "└": CChar(UInt8(ascii: "m")), "┘": CChar(UInt8(ascii: "j")),
    ]

    /// For terminals without UTF-8.
    private static let asciiFallback: [String: String] = ["↑": "^", "↓": "v", "…": "-", "→": ">"]

    /// Waits for the next key.
    public func readKey() -> Key {
        while true {
            var character: wint_t = 0
            let status = wget_wch(unikit_stdscr(), &character)
            if status == KEY_CODE_YES {
                if let key = Self.functionKey(Int32(character)) { return key }
            } else if status == OK {
                switch character {
                case 27: return .escape
                case 10, 13: return .enter
                case 9: return .tab
                case 8, 127: return .backspace
                default:
                    if character >= 32, let scalar = Unicode.Scalar(UInt32(character)) { return .character(Character(scalar)) }
                }
            }
        }
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        default:
            (1...12).first { unikit_key_f(Int32($0)) == code }.map { .function($0) }
        }
    }
}

extension Session {
    /// Runs the session on the terminal until the user leaves.
    public func run(on terminal: CursesTerminal) -> Outcome {
        while true {
            if let outcome { return outcome }
            let size = terminal.size
            terminal.paint(render(width: size.width, height: size.height))
            handle(terminal.readKey())
        }
    }
}
