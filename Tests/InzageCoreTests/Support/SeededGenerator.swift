/// A small random number generator with a fixed seed, so a failing case can be repeated.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }

    /// A number from 0 up to (not including) `bound`.
    mutating func next(below bound: Int) -> Int {
        Int.random(in: 0..<bound, using: &self)
    }
}
