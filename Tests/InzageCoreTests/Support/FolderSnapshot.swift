import Foundation
@testable import InzageCore

/// Every entry under a folder, to tell which files a change touched, as `inzage serve`'s
/// watcher names them (`ContentChanges`): a file written, made or removed is named; a folder
/// made or removed makes the change unknown. A file changed through a link is named where it
/// is, not at the link.
struct FolderSnapshot {
    enum Entry: Equatable {
        case file(Data)
        case link(String)
        case folder
    }

    let entries: [String: Entry]

    init(_ root: String) {
        var entries: [String: Entry] = [:]
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for entry in FolderEntry.read(folder) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isLink {
                    entries[path] = .link((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + path)) ?? "")
                } else if entry.isFolder {
                    entries[path] = .folder
                    walk(path)
                } else {
                    entries[path] = .file(FileManager.default.contents(atPath: root + "/" + path) ?? Data())
                }
            }
        }
        walk("")
        self.entries = entries
    }

    /// What the watcher would report for the change from this snapshot to `after`.
    func changes(to after: FolderSnapshot) -> ContentChanges {
        var files: Set<String> = []
        for path in Set(entries.keys).union(after.entries.keys) where entries[path] != after.entries[path] {
            if entries[path] == .folder || after.entries[path] == .folder { return .unknown }
            files.insert(path)
        }
        return .files(files)
    }
}
