import Foundation

/// Paths as diagnostics show them: relative to the working folder, as product.md promises, so
/// `--content $PWD/content` reports `content/bijsluiters/x.md` just like `--content content`.
public enum DisplayPath {
    /// `path` relative to `workingFolder` when it is an absolute path inside it ("." for the folder
    /// itself); a relative path without its leading "./"; any other path as given.
    public static func relative(_ path: String, to workingFolder: String = FileManager.default.currentDirectoryPath) -> String {
        guard path.hasPrefix("/") else {
            var relative = Substring(path)
            while relative.hasPrefix("./") { relative = relative.dropFirst(2).drop { $0 == "/" } }
            return relative.isEmpty ? "." : String(relative)
        }
        let file = URL(fileURLWithPath: path)
        let folder = URL(fileURLWithPath: workingFolder)
        if let inside = self.inside(file.standardizedFileURL.path, folder.standardizedFileURL.path) { return inside }
        // The shell's $PWD may name the folder through a symlink; getcwd names the real folder.
        if let inside = self.inside(file.resolvingSymlinksInPath().path, folder.resolvingSymlinksInPath().path) { return inside }
        return path
    }

    private static func inside(_ path: String, _ folder: String) -> String? {
        let path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if path == folder { return "." }
        let prefix = folder == "/" ? "/" : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
