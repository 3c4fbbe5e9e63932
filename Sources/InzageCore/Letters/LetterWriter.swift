import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder letters must never be written into, and why (the message names it to the user).
public struct ProtectedFolder: Sendable {
    public var path: String
    /// Dutch, e.g. "de site-uitvoer (public)".
    public var description: String

    public init(path: String, description: String) {
        self.path = path
        self.description = description
    }
}

/// Why letters were not written: the output folder is refused, or the disk said no.
public enum LetterWriteError: Error, CustomStringConvertible, Sendable {
    /// The letters folder lies inside a folder whose files end up on the public site.
    case insidePublishedFolder(output: String, folder: ProtectedFolder)
    case io(String)

    public var description: String {
        switch self {
        case .insidePublishedFolder(let output, let folder):
            "de brievenmap '\(output)' ligt in \(folder.description); brieven bevatten persoonsgegevens en mogen nooit op de site komen. Kies een andere map, bijvoorbeeld --output letters"
        case .io(let message):
            message
        }
    }
}

/// What a write did.
public struct LetterWriteSummary: Sendable, Equatable {
    public var written: [String]
    /// Old pupil letters removed from a folder that was rewritten (pupils who left).
    public var removed: [String]
}

/// Writes letters with owner-only permissions (folders 0700, files 0600), each file atomically,
/// and refuses a letters folder inside the site output or any folder that is published.
public struct LetterWriter {
    public var output: String
    public var protected: [ProtectedFolder]

    /// - Parameters:
    ///   - output: the letters folder (default `letters`).
    ///   - protected: folders whose contents reach the site: the site output, the content folder
    ///     (`bestanden/` is copied as is) and the templates folders (assets are copied).
    public init(output: String, protected: [ProtectedFolder]) {
        self.output = output
        self.protected = protected
    }

    /// Throws when the letters folder is, or lies inside, a protected folder (real paths: symlinks
    /// and `..` resolved, also for parts that do not exist yet).
    public func checkLocation() throws {
        let target = Self.realPath(output)
        for folder in protected where Self.isInside(target, Self.realPath(folder.path)) {
            throw LetterWriteError.insidePublishedFolder(output: output, folder: folder)
        }
        // Any built site is refused too, also one not named with --site-output: its folder holds the marker.
        var ancestor = URL(fileURLWithPath: target)
        while ancestor.path != "/" {
            if FileManager.default.fileExists(atPath: ancestor.appendingPathComponent(SiteWriter.marker).path) {
                throw LetterWriteError.insidePublishedFolder(output: output, folder: ProtectedFolder(path: ancestor.path, description: "een gepubliceerde website (\(ancestor.path))"))
            }
            ancestor.deleteLastPathComponent()
        }
    }

    /// Whether a file (an export) lies inside a protected folder; returns that folder.
    public static func protectedFolder(containing path: String, among protected: [ProtectedFolder]) -> ProtectedFolder? {
        let target = realPath(path)
        return protected.first { isInside(target, realPath($0.path)) }
    }

    /// Writes the letters. When `replacing` names folders (relative to the letters folder), `.txt`
    /// files in them that this run did not write are removed, so a pupil who left gets no letter
    /// and their name does not linger on disk.
    @discardableResult
    public func write(_ letters: [Letter], replacing folders: [String] = []) throws -> LetterWriteSummary {
        try checkLocation()
        let root = URL(fileURLWithPath: output)
        try makeDirectory(root.path, tighten: false)
        var written: [String] = []
        var writtenPaths: Set<String> = []
        for letter in letters {
            let components = letter.path.split(separator: "/").map(String.init)
            guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
                throw LetterWriteError.io("ongeldige bestandsnaam voor een brief: \(letter.path)")
            }
            var directory = root
            for component in components.dropLast() {
                directory.appendPathComponent(component)
                try makeDirectory(directory.path, tighten: true)
            }
            let file = directory.appendingPathComponent(components[components.count - 1])
            try writeFile(file.path, Data(letter.text.utf8))
            written.append(file.path)
            writtenPaths.insert(file.standardizedFileURL.path)
        }
        var removed: [String] = []
        for folder in folders {
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") {
                let path = url.appendingPathComponent(name).standardizedFileURL.path
                if !writtenPaths.contains(path) {
                    if unlink(path) == 0 { removed.append(path) }
                }
            }
        }
        return LetterWriteSummary(written: written, removed: removed)
    }

    /// Creates a folder 0700 (and its missing parents). An existing folder of our own making
    /// (`tighten`) is set to 0700; the user's own letters folder keeps the permissions it has.
    private func makeDirectory(_ path: String, tighten: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw LetterWriteError.io("'\(path)' bestaat al en is geen map") }
            if tighten, chmod(path, 0o700) != 0 {
                throw LetterWriteError.io("kan de rechten van '\(path)' niet aanpassen: \(String(cString: strerror(errno)))")
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectory(parent, tighten: false) }
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw LetterWriteError.io("kan de map '\(path)' niet maken: \(String(cString: strerror(errno)))")
        }
        _ = chmod(path, 0o700)
    }

    /// Writes through a temporary file created 0600, then renames it into place.
    private func writeFile(_ path: String, _ data: Data) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(".\(name).\(getpid()).tmp")
        _ = unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o600)
        guard fd >= 0 else { throw LetterWriteError.io("kan '\(path)' niet schrijven: \(String(cString: strerror(errno)))") }
        var ok = fchmod(fd, 0o600) == 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while ok, offset < buffer.count, let base = buffer.baseAddress {
                let count = posixWrite(fd, base + offset, buffer.count - offset)
                if count <= 0 { ok = false } else { offset += count }
            }
        }
        if close(fd) != 0 { ok = false }
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = unlink(temporary)
            throw LetterWriteError.io("kan '\(path)' niet schrijven: \(reason)")
        }
    }

    // MARK: - Paths

    /// The absolute, symlink-free form of a path that may not exist yet: existing parts are
    /// resolved with realpath, `..` after them is applied to the resolved path.
    public static func realPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var resolved = "/"
        var existing = true
        for component in absolute.split(separator: "/") where component != "." {
            if component == ".." {
                resolved = (resolved as NSString).deletingLastPathComponent
                if resolved.isEmpty { resolved = "/" }
                continue
            }
            let next = resolved == "/" ? "/" + component : resolved + "/" + component
            if existing, let real = realpath(next, nil) {
                resolved = String(cString: real)
                free(real)
            } else {
                existing = false
                resolved = next
            }
        }
        return resolved
    }

    /// True when `path` is `folder` or lies below it (both real paths, see ``realPath(_:)``).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        if path == folder { return true }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix)
    }
}

/// `write(2)`, named apart from the many Swift `write` methods.
@inline(__always)
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}
