import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import InzageCore

/// A preview server on a free port of 127.0.0.1, serving a temporary site folder, for tests
/// that talk HTTP to it as a browser does.
final class RunningPreview: @unchecked Sendable {
    let folder: URL
    let state = LiveState()
    let server: PreviewServer

    init(pages: [String: String] = ["index.html": "<!doctype html><html><head><title>Start</title></head><body><p>Welkom</p></body></html>"]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-serve-tests-\(UUID().uuidString)")
        for (path, text) in pages {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        server = PreviewServer(root: folder.path, state: state)
        try server.bind(port: 0)
        let server = self.server
        Thread.detachNewThread { server.run() }
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A connected socket to the server, with `timeout` seconds for reading; -1 when it cannot connect.
    func connectSocket(timeout: Int = 30) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = server.port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return -1
        }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    /// Sends a GET for `target` on a new connection; returns the socket without reading the answer.
    func startGet(_ target: String, timeout: Int = 30) -> Int32 {
        let fd = connectSocket(timeout: timeout)
        guard fd >= 0 else { return -1 }
        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = Glibc.send(fd, request, request.count, Int32(MSG_NOSIGNAL))
        return fd
    }

    /// Reads the whole answer (the server closes the connection after it) and closes the socket.
    static func readAnswer(_ fd: Int32) -> (status: Int, body: String) {
        defer { close(fd) }
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return (0, "") }
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, String(text[split.upperBound...]))
    }

    /// GET on a new connection; the status 0 means no (complete) answer within `timeout` seconds.
    func get(_ target: String, timeout: Int = 30) -> (status: Int, body: String, seconds: Double) {
        let started = Date()
        let fd = startGet(target, timeout: timeout)
        guard fd >= 0 else { return (0, "", 0) }
        let answer = Self.readAnswer(fd)
        return (answer.status, answer.body, Date().timeIntervalSince(started))
    }
}
