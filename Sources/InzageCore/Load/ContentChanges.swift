/// What may have changed in the content folder since the last load, as `inzage serve`'s watcher
/// saw it. A load that knows the changed files takes every other file of `bijsluiters/` and
/// `paginas/` as the load before left it, without looking at it (`KeptFolder`).
public enum ContentChanges: Sendable, Equatable {
    /// Anything may have changed: every file is looked at (polling, lost events, a folder made,
    /// moved or removed, or the first load).
    case unknown
    /// Only these files may have changed, relative to the content folder ("bijsluiters/a.md").
    case files(Set<String>)

    /// Both changes together.
    func union(_ other: ContentChanges) -> ContentChanges {
        guard case .files(let mine) = self, case .files(let theirs) = other else { return .unknown }
        return .files(mine.union(theirs))
    }

    /// The names of the changed entries directly in `folder`, or nil when they are not known:
    /// anything may have changed, or the folder itself changed (made, removed, or replaced by a
    /// file). A change deeper down (`bijsluiters/map/x.md`) changes no entry of the folder.
    func names(in folder: String) -> Set<String>? {
        guard case .files(let paths) = self, !paths.contains(folder) else { return nil }
        let prefix = folder + "/"
        var names: Set<String> = []
        for path in paths where path.hasPrefix(prefix) {
            let name = path.dropFirst(prefix.count)
            if !name.isEmpty, !name.contains("/") { names.insert(String(name)) }
        }
        return names
    }
}
