/// Kconfig's macro language (Linux's Documentation/kbuild/kconfig-macro-language.rst),
/// run while lexing: `$(…)` references in words and quoted strings are
/// replaced by their expansion before the parser sees the token.
///
/// | form | meaning |
/// |---|---|
/// | `$(NAME)` | a variable; else a built-in function without arguments; else an environment variable; else "" |
/// | `$(f,a,b…)` | a user function (a variable, with `$(1)`, `$(2)`… bound to the arguments) or a built-in |
/// | `NAME = value` | recursive variable: `value` is kept raw, expanded at each use |
/// | `NAME := value` | simple variable: `value` is expanded once, now |
/// | `NAME += value` | appends " value", keeping the flavour (recursive if `NAME` is new) |
/// | `$(shell,cmd)` | `cmd`'s standard output, trailing newlines dropped, inner ones as spaces (≤ 4095 bytes) |
/// | `$(info,text)` | prints `text` (collected in `infoMessages`); expands to "" |
/// | `$(warning-if,c,text)` / `$(error-if,c,text)` | when `c` is `y`: a warning / an error at the current file and line |
/// | `$(filename)`, `$(lineno)` | the file and line being read |
///
/// Names and arguments are themselves expanded first (`$(ARCH_$(BITS))`);
/// arguments split at top-level commas. `$` not followed by `(` is a plain `$`.
final class Preprocessor {
    struct Failure: Error {
        var message: String
    }

    /// Where the text being expanded comes from.
    struct Location {
        var file: String
        var line: Int
    }

    enum Flavor {
        case recursive, simple, append
    }

    private struct Variable {
        var value: String
        var isRecursive: Bool
        /// Expansions of this variable in progress, to catch self-reference.
        var activeExpansions = 0
    }

    private let environment: [String: String]
    private let shell: MacroShell
    private var variables: [String: Variable] = [:]
    /// Environment variables the tree used, in order of first use, with the
    /// values seen (what Linux records for include/config/auto.conf.cmd).
    private(set) var referencedEnvironment: [(name: String, value: String)] = []
    private(set) var infoMessages: [String] = []
    private(set) var warnings: [Diagnostic] = []

    /// Deepest nesting of references and expansions accepted, so hostile
    /// input cannot exhaust the stack (Linux stops self-recursion at 1000).
    private let maximumDepth = 256
    /// Linux's FUNCTION_MAX_ARGS: the name and up to 15 arguments.
    private let maximumParts = 16
    /// Bounds on one tree's expansions (an extension: Linux has none), so
    /// that `a1 = $(a0)$(a0)`, `a2 = $(a1)$(a1)`… cannot take exponential
    /// time or memory. Linux's x86_64 tree expands fewer than 10,000
    /// references in all; 200,000 take well under a second.
    private let maximumReferences = 200_000
    private let maximumLength = 1 << 20
    /// References expanded so far, against `maximumReferences`.
    private var referencesExpanded = 0

    init(environment: [String: String], shell: MacroShell) {
        self.environment = environment
        self.shell = shell
    }

    /// Expands the reference whose `$` is just before `index` in `bytes`,
    /// and moves `index` past it. References end at the end of the line.
    func expandReference(in bytes: [UInt8], at index: inout Int, location: Location) throws(Failure) -> [UInt8] {
        try expandReference(in: bytes, at: &index, context: Context(location: location, arguments: [], depth: 0))
    }

    /// Defines or extends a variable (`NAME = value`, `:=`, `+=`).
    func assign(_ name: String, _ value: String, flavor: Flavor, location: Location) throws(Failure) {
        let existing = variables[name]
        let isRecursive = flavor == .recursive || (flavor == .append && existing?.isRecursive ?? true)
        let context = Context(location: location, arguments: [], depth: 0)
        let newValue = isRecursive ? value : String(decoding: try expandAll(Array(value.utf8), context), as: UTF8.self)
        if flavor == .append, let existing {
            variables[name] = Variable(value: existing.value + " " + newValue, isRecursive: existing.isRecursive)
        } else {
            variables[name] = Variable(value: newValue, isRecursive: isRecursive)
        }
    }

    // MARK: Expansion

    /// What an expansion needs to know about where it happens.
    private struct Context {
        var location: Location
        /// `$(1)`, `$(2)`… of the user-function call being expanded.
        var arguments: [String]
        var depth: Int

        func deeper(arguments: [String]? = nil) -> Context {
            Context(location: location, arguments: arguments ?? self.arguments, depth: depth + 1)
        }
    }

    private func expandReference(in bytes: [UInt8], at index: inout Int, context: Context) throws(Failure) -> [UInt8] {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { return [UInt8(ascii: "$")] }
        guard context.depth < maximumDepth else {
            throw Failure(message: "macro expansion nested more than \(maximumDepth) levels deep")
        }
        referencesExpanded += 1
        guard referencesExpanded <= maximumReferences else {
            throw Failure(message: "macro expansion too expensive: more than \(maximumReferences) references")
        }
        let start = index + 1
        guard let end = closingParenthesis(in: bytes, from: start) else {
            let rest = bytes[start...].prefix { $0 != UInt8(ascii: "\n") }
            throw Failure(message: "unterminated reference to '\(String(decoding: rest, as: UTF8.self))': missing ')'")
        }
        index = end + 1
        return Array(try evaluate(Array(bytes[start..<end]), context.deeper()).utf8)
    }

    /// The index of the `)` that closes a reference whose text starts at `start`.
    private func closingParenthesis(in bytes: [UInt8], from start: Int) -> Int? {
        var nesting = 0
        for index in start..<bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"): return nil
            case UInt8(ascii: "("): nesting += 1
            case UInt8(ascii: ")"):
                if nesting == 0 { return index }
                nesting -= 1
            default: break
            }
        }
        return nil
    }

    /// Evaluates the text between `$(` and `)`, as Linux's eval_clause.
    private func evaluate(_ clause: [UInt8], _ context: Context) throws(Failure) -> String {
        let text = String(decoding: clause, as: UTF8.self)
        if let number = Int(text), number > 0, number <= context.arguments.count {
            return context.arguments[number - 1]
        }
        let parts = splitArguments(clause)
        guard parts.count <= maximumParts else { throw Failure(message: "too many function arguments") }
        var expanded: [String] = []
        for part in parts {
            expanded.append(String(decoding: try expandAll(part, context), as: UTF8.self))
        }
        return try lookUp(expanded[0], arguments: Array(expanded.dropFirst()), context)
    }

    /// Splits at commas outside parentheses.
    private func splitArguments(_ clause: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = [[]]
        var nesting = 0
        for byte in clause {
            if byte == UInt8(ascii: ","), nesting == 0 {
                parts.append([])
                continue
            }
            if byte == UInt8(ascii: "(") { nesting += 1 }
            if byte == UInt8(ascii: ")") { nesting -= 1 }
            parts[parts.count - 1].append(byte)
        }
        return parts
    }

    /// Expands every reference in `text`.
    private func expandAll(_ text: [UInt8], _ context: Context) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte == UInt8(ascii: "$") {
                output += try expandReference(in: text, at: &index, context: context)
                guard output.count <= maximumLength else {
                    throw Failure(message: "macro expansion too long: more than \(maximumLength) bytes")
                }
            } else {
                output.append(byte)
            }
        }
        return output
    }

    /// Variables first, then built-in functions, then (without arguments)
    /// the environment; anything else is "".
    private func lookUp(_ name: String, arguments: [String], _ context: Context) throws(Failure) -> String {
        if variables[name] != nil { return try expandVariable(name, arguments: arguments, context) }
        if let function = BuiltinFunction(rawValue: name) { return try call(function, arguments, context) }
        guard arguments.isEmpty, !name.isEmpty, let value = environment[name] else { return "" }
        if !referencedEnvironment.contains(where: { $0.name == name }) {
            referencedEnvironment.append((name, value))
        }
        return value
    }

    private func expandVariable(_ name: String, arguments: [String], _ context: Context) throws(Failure) -> String {
        guard var variable = variables[name] else { return "" }
        if arguments.isEmpty && variable.activeExpansions > 0 {
            throw Failure(message: "Recursive variable '\(name)' references itself (eventually)")
        }
        guard variable.isRecursive else { return variable.value }
        variable.activeExpansions += 1
        variables[name] = variable
        defer { variables[name]?.activeExpansions -= 1 }
        return String(decoding: try expandAll(Array(variable.value.utf8), context.deeper(arguments: arguments)), as: UTF8.self)
    }

    // MARK: Built-in functions

    private enum BuiltinFunction: String {
        case errorIf = "error-if", filename, info, lineno, shell, warningIf = "warning-if"

        /// How many arguments each takes (Linux's function_table).
        var argumentCount: Int {
            switch self {
            case .filename, .lineno: 0
            case .info, .shell: 1
            case .errorIf, .warningIf: 2
            }
        }
    }

    private func call(_ function: BuiltinFunction, _ arguments: [String], _ context: Context) throws(Failure) -> String {
        guard arguments.count >= function.argumentCount else {
            throw Failure(message: "too few function arguments passed to '\(function.rawValue)'")
        }
        guard arguments.count <= function.argumentCount else {
            throw Failure(message: "too many function arguments passed to '\(function.rawValue)'")
        }
        let location = context.location
        switch function {
        case .filename: return location.file
        case .lineno: return String(location.line)
        case .info: infoMessages.append(arguments[0])
        case .shell: return try shell.run(arguments[0])
        case .warningIf where arguments[0] == "y":
            warnings.append(Diagnostic(severity: .warning, file: location.file, line: location.line, message: arguments[1]))
        case .errorIf where arguments[0] == "y": throw Failure(message: arguments[1])
        case .warningIf, .errorIf: break
        }
        return ""
    }
}
