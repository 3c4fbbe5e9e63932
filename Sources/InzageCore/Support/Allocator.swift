import CMimalloc
#if canImport(Glibc)
import Glibc
#endif

/// The memory allocator the process runs on. Inzage links mimalloc (the `CMimalloc` target):
/// linked as a shared library, its `malloc` and `free` come before glibc's for every part of the
/// program, the Swift runtime and libcmark-gfm included. A build makes and frees millions of
/// small strings, arrays and cmark nodes on both cores at once; glibc's allocator spent about a
/// fifth of a 10 000-page build in its own bookkeeping (docs/performance.md, nineteenth round).
public enum Allocator {
    /// Whether memory from `malloc` comes from mimalloc: false when the link did not take effect
    /// (another allocator preloaded before it, or a link without it).
    public static var isMimalloc: Bool {
        guard let pointer = malloc(64) else { return false }
        defer { free(pointer) }
        return holds(pointer)
    }

    /// Whether `pointer` points into memory mimalloc handed out.
    static func holds(_ pointer: UnsafeRawPointer) -> Bool {
        mi_is_in_heap_region(pointer)
    }
}
