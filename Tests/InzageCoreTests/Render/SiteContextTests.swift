@testable import InzageCore
import Testing

@Suite("Site context")
struct SiteContextTests {
    /// A page's way back to the site root: one "../" per name in its path (empty names do not
    /// count), "./" for the root itself; counted byte by byte, as splitting the path counts.
    @Test func aPagesRootHasOneStepPerNameOfItsPath() {
        let paths = ["", "/", "a/", "a", "bijsluiters/", "bijsluiters/rekentuin/", "scholen/12oy/", "a/b/c/", "a/b/c/d/e/",
                     "/a//b/", "//", "é/ß/", "a/b/c/d"]
        for path in paths {
            let depth = path.split(separator: "/").count
            let expected = depth == 0 ? "./" : String(repeating: "../", count: depth)
            #expect(SiteContext.root(for: path) == expected, "\(path)")
        }
    }
}
