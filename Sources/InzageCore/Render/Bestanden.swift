import Foundation

extension SiteBuilder {
    /// A file of bestanden/ as an output file, known by its source's stat (`FileStamp`: taken
    /// before the source is read, and trusted only when the source had not changed for
    /// `BuildSession.racyInterval`, so every later change moves it). Under `serve` the session keeps
    /// its bytes as last read while that stat stays; a one-off build takes it from the published
    /// site, unread, when the build record holds it for that stat. Otherwise it is read (and kept
    /// or noted when its stat is trusted). A board's forms and photos can be hundreds of
    /// megabytes: reading them, and the published copies to compare, was most of a rebuild after
    /// an edit. Nil for a file that cannot be read.
    func bestand(_ relative: String) -> OutputFile? {
        let source = content.root + "/bestanden/" + relative
        let path = "bestanden/" + relative
        let lookStart = FileStamp.now()
        var info = stat()
        let stamp = stat(source, &info) == 0 ? FileStamp.trusted(info, readStart: lookStart) : nil
        if let session, let stamp, let data = session.bestand(at: path, stamp: stamp) { return OutputFile(path: path, data: data) }
        let inputs = record == nil ? nil : stamp.map { StableDigest(["bestand", path, $0.recordText]) }
        if let inputs, let published = record?.publishedPage(at: path, inputs: inputs) {
            // Under `serve` (its first build) a published file comes with its bytes: kept from now on.
            if let session, let stamp, !published.isUnread { session.keepBestand(published.data, at: path, stamp: stamp) }
            return published
        }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: source)) else { return nil }
        let file = OutputFile(path: path, data: data)
        if let inputs { record?.note(file, inputs: inputs) }
        if let session, let stamp { session.keepBestand(data, at: path, stamp: stamp) }
        return file
    }
}
