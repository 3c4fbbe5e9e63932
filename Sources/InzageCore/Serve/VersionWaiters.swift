import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The browsers waiting on `/__inzage/versie` for a new version. They hold no thread: their
/// sockets are parked here, and one thread watches them all with `poll`. A waiter is answered
/// when the version changes or its time is up, and dropped as soon as its browser hangs up.
final class VersionWaiters: @unchecked Sendable {
    private struct Waiter {
        var socket: Int32
        var seen: Int
        var deadline: Date
    }

    private let state: LiveState
    private let lock = NSLock()
    private var waiters: [Waiter] = []
    private var stopped = false
    /// Written to when there is news (a new waiter, a new version, stop) so `poll` returns at once.
    private var wakeRead: Int32 = -1
    private var wakeWrite: Int32 = -1
    private let answer: @Sendable (Int32, Int) -> Void

    /// - Parameter answer: sends the version to a socket; the socket is closed afterwards.
    init(state: LiveState, answer: @escaping @Sendable (Int32, Int) -> Void) {
        self.state = state
        self.answer = answer
        var ends: [Int32] = [0, 0]
        if pipe(&ends) == 0 {
            wakeRead = ends[0]
            wakeWrite = ends[1]
            for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        }
        state.onPublish { [weak self] in self?.wake() }
        let thread = Thread { [self] in run() }
        thread.name = "inzage-versie"
        thread.start()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return waiters.count
    }

    /// Parks a socket until the version differs from `seen` or `timeout` seconds have passed.
    func add(_ socket: Int32, seen: Int, timeout: TimeInterval) {
        lock.lock()
        let isStopped = stopped
        if !isStopped { waiters.append(Waiter(socket: socket, seen: seen, deadline: Date().addingTimeInterval(timeout))) }
        lock.unlock()
        if isStopped {
            close(socket)
        } else {
            wake()
        }
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func run() {
        var drain = [UInt8](repeating: 0, count: 512)
        while true {
            lock.lock()
            if stopped {
                let left = waiters
                waiters = []
                lock.unlock()
                for waiter in left { close(waiter.socket) }
                return
            }
            // Answer those whose version is out of date or whose time is up.
            let version = state.current.version
            let now = Date()
            var due: [Int32] = []
            waiters.removeAll { waiter in
                guard waiter.seen != version || waiter.deadline <= now else { return false }
                due.append(waiter.socket)
                return true
            }
            let watched = waiters
            lock.unlock()
            for socket in due {
                answer(socket, version)
                close(socket)
            }

            var descriptors = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            descriptors += watched.map { pollfd(fd: $0.socket, events: Int16(POLLIN) | Self.peerClosed, revents: 0) }
            let nearest = watched.map(\.deadline).min().map { max(0, $0.timeIntervalSinceNow) } ?? 60
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(nearest, 60) * 1000) + 1)
            guard ready > 0 else { continue }
            if descriptors[0].revents != 0 { while read(wakeRead, &drain, drain.count) > 0 {} }

            // A browser that closed the page (or the connection) is not waiting any more.
            var gone: Set<Int32> = []
            for descriptor in descriptors.dropFirst() where descriptor.revents != 0 {
                if descriptor.revents & (Int16(POLLHUP) | Int16(POLLERR) | Self.peerClosed) != 0 || !Self.stillOpen(descriptor.fd) {
                    gone.insert(descriptor.fd)
                }
            }
            guard !gone.isEmpty else { continue }
            lock.lock()
            waiters.removeAll { gone.contains($0.socket) }
            lock.unlock()
            for socket in gone { close(socket) }
        }
    }

    /// POLLRDHUP (Linux): the other side has shut down its writing half, i.e. closed the connection.
    private static let peerClosed: Int16 = 0x2000

    /// Reads and discards what the browser sent after its request; false when it has hung up.
    private static func stillOpen(_ socket: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let count = recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { continue }
            if count == 0 { return false }
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
        }
    }
}
