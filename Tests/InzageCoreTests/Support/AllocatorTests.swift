import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import InzageCore

/// Inzage runs on mimalloc, not glibc's allocator (`Allocator`): the link must reach every
/// allocation of the process, not only the calls Inzage's own code makes.
struct AllocatorTests {
    @Test func mallocIsMimalloc() {
        #expect(Allocator.isMimalloc)
    }

    @Test func swiftsOwnAllocationsComeFromMimalloc() {
        // The Swift runtime allocates an array's storage itself (swift_slowAlloc).
        let numbers = Array(0..<10_000)
        numbers.withUnsafeBufferPointer { buffer in
            #expect(Allocator.holds(UnsafeRawPointer(buffer.baseAddress!)))
        }
        var text = String(repeating: "inzage ", count: 100)
        text.withUTF8 { bytes in
            #expect(Allocator.holds(UnsafeRawPointer(bytes.baseAddress!)))
        }
    }

    @Test func callocAndReallocComeFromMimalloc() {
        // libcmark-gfm allocates its nodes with calloc and grows its buffers with realloc.
        let zeroed = calloc(16, 8)!
        #expect(Allocator.holds(zeroed))
        let grown = realloc(zeroed, 1 << 20)!
        #expect(Allocator.holds(grown))
        free(grown)
    }
}
