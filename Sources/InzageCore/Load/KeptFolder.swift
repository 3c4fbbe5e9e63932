/// The files of `bijsluiters/` or `paginas/` as the last load under `serve` left them, in the
/// folder's order. A load that knows from the watcher which files changed (`ContentChanges`)
/// looks only at those, and at every symbolic link (a change to what a link leads to is seen at
/// the file it leads to, not at the link); it takes the others from here.
struct KeptFolder<Result> {
    /// The names as the folder lists them, sorted.
    var entries: [String]
    /// Each entry's display path (`bijsluiters/a.md` under the content folder's display name).
    var paths: [String]
    /// Each entry's stat when it was last looked at (nil: it could not be read).
    var stamps: [FileStamp?]
    var isLink: [Bool]
    /// What loading each entry gave.
    var results: [Result]

    /// Where `name` is or would be in `entries`.
    func position(of name: String) -> (index: Int, present: Bool) {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] < name { low = middle + 1 } else { high = middle }
        }
        return (low, low < entries.count && entries[low] == name)
    }

    mutating func remove(at index: Int) {
        entries.remove(at: index)
        paths.remove(at: index)
        stamps.remove(at: index)
        isLink.remove(at: index)
        results.remove(at: index)
    }

    mutating func insert(_ name: String, path: String, at index: Int, placeholder: Result) {
        entries.insert(name, at: index)
        paths.insert(path, at: index)
        stamps.insert(nil, at: index)
        isLink.insert(false, at: index)
        results.insert(placeholder, at: index)
    }
}
