/// The pseudo-random numbers of glibc's `srand`/`rand` (the default
/// `TYPE_3` additive feedback generator of `random_r`), as a value with its
/// own state: the same seed gives the same sequence as glibc's, so
/// `randconfig` makes the same configuration as Linux's `conf` for a given
/// `KCONFIG_SEED`, without touching the C library's global generator.
///
/// | step  | glibc                      | here            |
/// |-------|----------------------------|-----------------|
/// | seed  | `srand(seed)`              | `init(seed:)`   |
/// | draw  | `rand()`, in 0..<2^31      | `next()`        |
struct GlibcRandom {
    /// glibc's `DEG_3` words of state, and `SEP_3` between the two taps.
    private static let degree = 31, separation = 3
    private var state: [UInt32]
    private var front: Int
    private var rear: Int

    /// `srand(seed)`: the state from the Park–Miller generator, then 310
    /// draws thrown away, as `srandom_r` does.
    init(seed: UInt32) {
        var word = Int32(bitPattern: seed == 0 ? 1 : seed)
        state = [UInt32(bitPattern: word)]
        for _ in 1..<Self.degree {
            // 16807 * word mod (2^31 - 1) without overflow (Schrage's method).
            let high = Int64(word) / 127_773, low = Int64(word) % 127_773
            var next = 16_807 * low - 2_836 * high
            if next < 0 { next += 2_147_483_647 }
            word = Int32(truncatingIfNeeded: next)
            state.append(UInt32(bitPattern: word))
        }
        front = Self.separation
        rear = 0
        for _ in 0..<(10 * Self.degree) { _ = next() }
    }

    /// `rand()`: the next number, in 0..<2^31.
    mutating func next() -> Int {
        state[front] = state[front] &+ state[rear]
        let result = Int(state[front] >> 1)
        front = (front + 1) % Self.degree
        rear = (rear + 1) % Self.degree
        return result
    }
}
