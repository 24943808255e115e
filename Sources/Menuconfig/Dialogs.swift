import KconfigKit

/// A window over the menu that takes the keys until it closes.
enum Dialog {
    case text(TextView)
    case input(InputBox)
    case choice(ChoiceList)
    case results(SearchResults)
    case confirmExit(focus: Int)
}

/// Scrollable text: help.
struct TextView {
    var title: String
    var lines: [String]
    var top = 0
}

/// A one-line editor with a purpose, a prompt and a problem to show.
struct InputBox {
    enum Purpose {
        case value(Symbol)
        case search
        case saveAs
        case load
    }

    var purpose: Purpose
    var title: String
    var prompt: [String]
    var text: String
    /// The insertion point, in characters.
    var cursor: Int
    /// Why the last Enter was refused.
    var problem: String?

    init(purpose: Purpose, title: String, prompt: [String], text: String) {
        self.purpose = purpose
        self.title = title
        self.prompt = prompt
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; false when the key is not an editing one.
    mutating func edit(_ key: Key) -> Bool {
        var characters = Array(text)
        switch key {
        case .character(let character):
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left: cursor = max(cursor - 1, 0)
        case .right: cursor = min(cursor + 1, characters.count)
        case .home: cursor = 0
        case .end: cursor = characters.count
        default: return false
        }
        text = String(characters)
        problem = nil
        return true
    }
}

/// The members of a choice, one to pick.
struct ChoiceList {
    var choice: MenuNode
    var members: [MenuNode]
    var cursor: Int
}

/// The matches of a search, each with where it is; Enter jumps to one.
struct SearchResults {
    var pattern: String
    var nodes: [MenuNode]
    var cursor = 0
    var top = 0
}
