import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server for `inzage serve`: serves the built site from 127.0.0.1 only, adds a
/// live-reload script and the last build's diagnostics to HTML pages, and answers the
/// browser's long poll on `/__inzage/versie`. It never serves anything outside the site folder.
public final class PreviewServer: @unchecked Sendable {
    public let root: URL
    public let state: LiveState
    private var listener: Int32 = -1
    /// The port bound by `bind(port:)`; the one the system chose when asked for port 0.
    public private(set) var port: UInt16 = 0
    /// Open pages waiting for a new version; parked without a thread each.
    private let waiters: VersionWaiters

    public init(root: String, state: LiveState) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL
        self.state = state
        waiters = VersionWaiters(state: state) { client, version in
            PreviewServer.send(client, status: "200 OK", type: "text/plain; charset=utf-8", body: Data("\(version)".utf8), noCache: true)
        }
    }

    /// Binds 127.0.0.1:port; throws with a Dutch message when the port is taken.
    public func bind(port: UInt16) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WriteError(message: "kan geen netwerkverbinding openen", hint: nil) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw WriteError(message: "poort \(port) is al in gebruik", hint: "kies een andere poort, bijvoorbeeld --port \(port + 1)")
        }
        listener = fd
        var boundAddress = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &boundAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = named == 0 ? UInt16(bigEndian: boundAddress.sin_port) : port
    }

    /// Accepts connections until `stop()`. Each request is read and answered on a thread of its
    /// own, so a slow or idle connection never keeps another page waiting; a long poll hands its
    /// socket to `waiters` and frees the thread.
    public func run() {
        while listener >= 0 {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                break
            }
            let thread = Thread { [self] in handle(client) }
            thread.name = "inzage-serve"
            thread.start()
        }
    }

    /// How many open pages are waiting for a new version.
    var waitingCount: Int { waiters.count }

    public func stop() {
        let fd = listener
        listener = -1
        waiters.stop()
        if fd >= 0 {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    private func handle(_ client: Int32) {
        var parked = false
        defer { if !parked { close(client) } }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 16 * 1024 {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            request += buffer[0..<count]
            if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] { break }
            if let text = String(bytes: request, encoding: .utf8), text.contains("\r\n\r\n") { break }
        }
        guard let head = String(bytes: request, encoding: .utf8)?.split(separator: "\r\n").first else { return }
        let parts = head.split(separator: " ")
        guard parts.count >= 2, parts[0] == "GET" || parts[0] == "HEAD" else {
            Self.send(client, status: "405 Method Not Allowed", type: "text/plain; charset=utf-8", body: Data("Alleen GET.\n".utf8))
            return
        }
        let target = String(parts[1])
        let (path, query) = split(target)
        if path == "/__inzage/versie" {
            let seen = Int(query["v"] ?? "") ?? -1
            waiters.add(client, seen: seen, timeout: 25)
            parked = true
            return
        }
        serveFile(path, to: client, head: parts[0] == "HEAD")
    }

    private func split(_ target: String) -> (String, [String: String]) {
        let pieces = target.split(separator: "?", maxSplits: 1)
        var query: [String: String] = [:]
        if pieces.count == 2 {
            for pair in pieces[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                if kv.count == 2 { query[String(kv[0])] = String(kv[1]) }
            }
        }
        return (String(pieces.first ?? "/").removingPercentEncoding ?? "/", query)
    }

    /// Maps a URL path to a file inside the site folder, or nil for anything that would leave it.
    func file(for path: String) -> URL? {
        let components = path.split(separator: "/").map(String.init)
        guard !components.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        var url = root
        for component in components { url.appendPathComponent(component) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        guard url.standardizedFileURL.path.hasPrefix(root.path + "/") else { return nil }
        return url
    }

    private func serveFile(_ path: String, to client: Int32, head: Bool) {
        if !path.hasSuffix("/"), let url = file(for: path), url.lastPathComponent == "index.html", !path.hasSuffix("index.html") {
            Self.sendRaw(client, "HTTP/1.1 301 Moved Permanently\r\nLocation: \(path)/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        }
        guard let url = file(for: path), let data = FileManager.default.contents(atPath: url.path) else {
            let notFound = FileManager.default.contents(atPath: root.appendingPathComponent("404.html").path) ?? Data("Niet gevonden\n".utf8)
            Self.send(client, status: "404 Not Found", type: "text/html; charset=utf-8", body: inject(notFound), noCache: true)
            return
        }
        let type = Self.contentType(url.pathExtension)
        let body = type.hasPrefix("text/html") ? inject(data) : data
        Self.send(client, status: "200 OK", type: type, body: head ? Data() : body, noCache: true, length: body.count)
    }

    /// Adds the live-reload script, and the diagnostics of a failed build, to an HTML page.
    func inject(_ data: Data) -> Data {
        guard var html = String(data: data, encoding: .utf8) else { return data }
        let (version, problems) = state.current
        if let problems {
            // Sticky at the top of the window: after the reload the browser restores the scroll
            // position, and the banner must be seen there too (CSS only, no script needed).
            let banner = """
            <div role="alert" style="position:sticky;top:0;z-index:2147483647;max-height:40vh;overflow:auto;box-sizing:border-box;background:#fff4e5;color:#1b1b1b;border:4px solid #b00020;margin:0;padding:1rem;font-family:monospace;white-space:pre-wrap"><strong>De laatste wijziging bevat fouten. U ziet de vorige versie van de site.</strong>
            \(HTML.escape(problems))</div>
            """
            // Right after the opening body tag, whatever its attributes or case; a page without
            // one (a fragment, a custom layout) gets the banner at its very start, after a
            // doctype if there is one (anything before it would put the browser in quirks mode).
            if let bodyTag = html.range(of: #"<body(\s[^>]*)?>"#, options: [.regularExpression, .caseInsensitive]) {
                html.insert(contentsOf: banner, at: bodyTag.upperBound)
            } else if let doctype = html.range(of: #"^\s*<!doctype[^>]*>"#, options: [.regularExpression, .caseInsensitive]) {
                html.insert(contentsOf: banner, at: doctype.upperBound)
            } else {
                html.insert(contentsOf: banner, at: html.startIndex)
            }
        }
        let script = "<script>(function(){var v=\(version);function p(){fetch('/__inzage/versie?v='+v,{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(t.trim()!==String(v)){location.reload()}else{p()}}).catch(function(){setTimeout(p,1000)})}p()})();</script>"
        if let end = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            html.insert(contentsOf: script, at: end.lowerBound)
        } else {
            html += script
        }
        return Data(html.utf8)
    }

    static func contentType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        case "js": "text/javascript; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    private static func send(_ client: Int32, status: String, type: String, body: Data, noCache: Bool = false, length: Int? = nil) {
        var head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(length ?? body.count)\r\nConnection: close\r\n"
        if noCache { head += "Cache-Control: no-store\r\n" }
        head += "X-Content-Type-Options: nosniff\r\n\r\n"
        Self.sendRaw(client, head)
        body.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { break }
                let sent = Glibc.send(client, base.advanced(by: offset), raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { break }
                offset += sent
            }
        }
    }

    private static func sendRaw(_ client: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = Glibc.send(client, bytes, bytes.count, Int32(MSG_NOSIGNAL))
    }
}
