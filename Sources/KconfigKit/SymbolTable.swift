/// Every symbol of one Kconfig tree, by name, with Linux's orders.
///
/// A name gets its `Symbol` at its first mention, definition or reference,
/// as with Linux's `sym_lookup`. `y`, `m` and `n` are constants, never symbols.
final class SymbolTable {
    let context = EvaluationContext()
    private var byName: [String: Symbol] = [:]
    /// Symbols in order of first mention.
    private(set) var all: [Symbol] = []
    /// Symbols in order of first definition.
    private(set) var defined: [Symbol] = []
    private(set) var choices: [Symbol] = []
    /// Symbols and choices made so far: the next one's `creationIndex`.
    private(set) var count = 0

    /// The symbol called `name`, created (undefined) if it is new.
    func lookUp(_ name: String) -> Symbol {
        if let symbol = byName[name] { return symbol }
        let symbol = Symbol(name: name, creationIndex: count, context: context)
        count += 1
        byName[name] = symbol
        all.append(symbol)
        return symbol
    }

    func find(_ name: String) -> Symbol? { byName[name] }

    /// A new choice; named choices with the same name share one symbol, as in Linux.
    func choice(named name: String?) -> Symbol {
        if let name, let existing = choices.first(where: { $0.name == name }) { return existing }
        let choice = Symbol(name: name ?? "", isChoice: true, creationIndex: count, context: context)
        count += 1
        choices.append(choice)
        return choice
    }

    /// Records a definition node of `symbol`.
    func addDefinition(_ node: MenuNode, of symbol: Symbol) {
        if symbol.nodes.isEmpty && !symbol.isChoice { defined.append(symbol) }
        symbol.nodes.append(node)
    }

    /// Symbols in the order of Linux's `for_all_symbols`: by FNV-1a hash of the
    /// name modulo 9973, newest first within a bucket. Linux writes
    /// autoconf.h in this order, so the header matches it byte for byte.
    var inLinuxHashOrder: [Symbol] {
        inLinuxHashOrderWithChoices.filter { !$0.isChoice }
    }

    /// Symbols and choices in Linux's `for_all_symbols` order: a choice is
    /// hashed too, an unnamed one into bucket 0. Kept until a symbol is added.
    var inLinuxHashOrderWithChoices: [Symbol] {
        if let cached = hashOrder, cached.count == count { return cached.symbols }
        let symbols = (all + choices).map { (bucket: $0.name.isEmpty ? 0 : Self.bucket(of: $0.name), symbol: $0) }
            .sorted { ($0.bucket, $1.symbol.creationIndex) < ($1.bucket, $0.symbol.creationIndex) }
            .map(\.symbol)
        hashOrder = (count, symbols)
        return symbols
    }

    private var hashOrder: (count: Int, symbols: [Symbol])?

    /// Linux's `strhash` (32-bit FNV-1a over signed chars) modulo SYMBOL_HASHSIZE.
    private static func bucket(of name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash = (hash ^ UInt32(bitPattern: Int32(Int8(bitPattern: byte)))) &* 0x0100_0193
        }
        return hash % 9973
    }

    func releaseReferences() {
        (all + choices).forEach { $0.releaseReferences() }
    }
}
