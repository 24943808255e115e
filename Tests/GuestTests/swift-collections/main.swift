/// Embedded Swift's hashed collections on nolibc: Dictionary and Set draw
/// their per-run hash seed from arc4random_buf and size their tables with
/// ceil; Int.random uses arc4random_buf too. Prints results that do not
/// depend on the seed (Tests/IntegrationTests/SwiftCollectionsTests.swift).
@_cdecl("main")
func collectionsMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var counts: [String: Int] = [:]
    for word in ["to", "be", "or", "not", "to", "be"] {
        counts[word, default: 0] += 1
    }
    let summary = counts.keys.sorted().map { "\($0)=\(counts[$0] ?? 0)" }
    print("dictionary: \(summary.joined(separator: " "))")

    // Thousands of entries: the table grows through many sizes.
    var squares: [Int: Int] = [:]
    for n in 0..<5000 {
        squares[n] = n * n
    }
    squares.removeValue(forKey: 7)
    print("grown: \(squares.count) entries, 4999 -> \(squares[4999] ?? -1), 7 -> \(squares[7] ?? -1)")

    var residues = Set<Int>()
    for n in 1...1000 {
        residues.insert(n * n % 1009)
    }
    print("set: \(residues.count) residues, contains 4: \(residues.contains(4)), contains 0: \(residues.contains(0))")

    let rolls = (0..<100).map { _ in Int.random(in: 1...6) }
    print("random: \(rolls.allSatisfy { (1...6).contains($0) })")
    return 0
}
