import Foundation
@testable import InzageCore
import Testing

/// The banner `inzage serve` puts on every page after a failed rebuild.
@Suite("inzage serve: diagnostics banner")
struct BannerTests {
    static let problem = "content/privacyverklaring.md:3:1: fout: de versie ontbreekt"

    /// The opening tag of the banner (`<div role="alert" …>`) in a served page, if any.
    static func bannerTag(in page: String) -> String? {
        guard let start = page.range(of: #"<div role="alert""#) else { return nil }
        return page[start.lowerBound...].firstIndex(of: ">").map { String(page[start.lowerBound...$0]) }
    }

    @Test func bannerStaysInViewWhereverThePageIsScrolled() throws {
        let preview = try RunningPreview()
        preview.state.publish(problems: Self.problem)
        let page = preview.get("/", timeout: 5)
        #expect(page.status == 200)
        let tag = try #require(Self.bannerTag(in: page.body), "\(page.body)")
        // The browser restores the scroll position after the reload; a sticky banner at the top
        // of the window is seen there as well, without JavaScript, and scrolls itself when long.
        #expect(tag.contains("position:sticky"))
        #expect(tag.contains("top:0"))
        #expect(tag.contains("max-height:"))
        #expect(tag.contains("overflow:auto"))
        #expect(page.body.contains(HTML.escape(Self.problem)))
    }

    @Test(arguments: [
        #"<!doctype html><html><head><title>T</title></head><body class="thema"><p>Welkom</p></body></html>"#,
        #"<!DOCTYPE html><HTML><HEAD><TITLE>T</TITLE></HEAD><BODY><p>Welkom</p></BODY></HTML>"#,
        "<!doctype html><html><head><title>T</title></head><body\n  data-x=\"1\"><p>Welkom</p></body></html>",
    ])
    func bannerFollowsAnyBodyTag(layout: String) throws {
        let preview = try RunningPreview(pages: ["index.html": layout])
        preview.state.publish(problems: Self.problem)
        let page = preview.get("/", timeout: 5).body
        let banner = try #require(page.range(of: #"<div role="alert""#), "\(page)")
        let bodyTag = try #require(page.range(of: #"<body[^>]*>"#, options: [.regularExpression, .caseInsensitive]))
        #expect(banner.lowerBound == bodyTag.upperBound, "\(page)")
        #expect(page.contains("<p>Welkom</p>"))
        #expect(page.contains("/__inzage/versie"))
    }

    @Test func bannerStartsAPageWithoutBodyTag() throws {
        let preview = try RunningPreview(pages: ["index.html": "<p>Welkom</p>"])
        preview.state.publish(problems: Self.problem)
        let page = preview.get("/", timeout: 5).body
        #expect(page.hasPrefix(#"<div role="alert""#), "\(page)")
        #expect(page.contains("<p>Welkom</p>"))
    }

    @Test func bannerFollowsTheDoctypeOfAPageWithoutBodyTag() throws {
        let preview = try RunningPreview(pages: ["index.html": "<!DOCTYPE html>\n<title>T</title><p>Welkom</p>"])
        preview.state.publish(problems: Self.problem)
        let page = preview.get("/", timeout: 5).body
        #expect(page.hasPrefix(#"<!DOCTYPE html><div role="alert""#), "\(page)")
    }

    @Test func bodylessLookalikesAreNotTakenForTheBody() throws {
        let preview = try RunningPreview(pages: ["index.html": "<html><bodyguard>x</bodyguard><body id=\"b\"><p>Welkom</p></body></html>"])
        preview.state.publish(problems: Self.problem)
        let page = preview.get("/", timeout: 5).body
        #expect(page.contains(#"<body id="b"><div role="alert""#), "\(page)")
    }
}
