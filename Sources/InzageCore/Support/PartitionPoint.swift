extension Range where Bound == Int {
    /// The first index of the range for which `isBefore` is false, by binary search: `isBefore`
    /// must hold for every index up to some point and for none after it (a sorted list asked
    /// whether its element at an index comes before the one looked for).
    func partitionPoint(_ isBefore: (Int) -> Bool) -> Int {
        var low = lowerBound, high = upperBound
        while low < high {
            let middle = low + (high - low) / 2
            if isBefore(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
