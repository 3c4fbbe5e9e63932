import Foundation
@testable import InzageCore
import Testing

@Suite("Support: freeing on another thread")
struct BackgroundReleaseTests {
    /// Notes the thread it is freed on, and signals when it is.
    private final class Noted: @unchecked Sendable {
        let freed: DispatchSemaphore
        let thread: UnsafeMutablePointer<pthread_t>

        init(freed: DispatchSemaphore, thread: UnsafeMutablePointer<pthread_t>) {
            self.freed = freed
            self.thread = thread
        }

        deinit {
            thread.pointee = pthread_self()
            freed.signal()
        }
    }

    @Test func theStructureIsNeverFreedOnTheThreadThatHandsItOver() {
        // The other thread is often done before the caller returns: a reference the caller kept
        // was then the last one, and freed the structure on the caller's thread.
        let thread = UnsafeMutablePointer<pthread_t>.allocate(capacity: 1)
        defer { thread.deallocate() }
        for _ in 0..<300 {
            let freed = DispatchSemaphore(value: 0)
            BackgroundRelease.release((Noted(freed: freed, thread: thread), [1, 2, 3]))
            freed.wait()
            #expect(pthread_equal(thread.pointee, pthread_self()) == 0)
        }
    }
}
