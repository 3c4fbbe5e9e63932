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

    /// Menus are the same when their links are: the very same array, or an equal one made apart.
    @Test func menusWithTheSameLinksAreTheSame() throws {
        let links: [(path: String, title: String)] = [("bijsluiters/", "Producten"), ("contact/", "Contact")]
        let apart = [("bijsluiters/", "Product" + "en"), ("contact/", "Contact")].map { (path: $0.0, title: $0.1) }
        #expect(SiteContext.sameLinks(links, links) && SiteContext.sameLinks(links, apart))
        #expect(!SiteContext.sameLinks(links, [("bijsluiters/", "Producten"), ("contact/", "Contact!")]))
        #expect(!SiteContext.sameLinks(links, [("bijsluiters/", "Producten")]) && SiteContext.sameLinks([], []))
        let content = try TestContent.valid.check().content
        let site = SiteContext(content: content, organisatie: try #require(content.organisatie), templates: try TemplateSet(override: nil))
        #expect(site.menu(links, root: "../", current: nil) === site.menu(apart, root: "../", current: nil))
        #expect(site.menu(links, root: "../", current: nil) !== site.menu(links, root: "../", current: "contact/"))
    }
}
