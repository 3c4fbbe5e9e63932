import Foundation

/// The layout's stencils of one site (`Stencil`), made at the first page of each kind: the
/// key is the page's frame (everything but its page texts: `LayoutFrame`, compared whole) and
/// whether it has a date, so two pages share a stencil only when everything else the layout
/// could print is the same.
final class LayoutStencils: @unchecked Sendable {
    private let lock = PThreadMutex()
    /// By the page's root path (a cheap first look), each key with its stencil, or nil for a kind
    /// of page the layout has no stencil for.
    private var made: [String: [Kind]] = [:]

    /// A kind of page: its key and its stencil.
    private struct Kind {
        let frame: LayoutFrame
        let dated: Bool
        let stencil: Stencil?
    }
    /// At most this many kinds of page per root path get a stencil; the rest are rendered as before.
    static let kindsPerRoot = 32

    /// The layout's stencil for pages of `key`'s kind (a view without its page texts).
    static func stencil(for key: LayoutView, templates: TemplateSet) -> Stencil? {
        Stencil.make("layout", templates: templates, paths: LayoutText.allCases.map(\.path)) { probes in
            key.replacing { probes[$0.rawValue] }
        }
    }

    /// `view` in the layout template, as the page's file.
    /// - Parameter body: the page's body; `view.body` is left empty when it is HTML bytes.
    func render(_ view: LayoutView, body: Stencil.Filling, templates: TemplateSet) throws -> Data {
        try placedRender(view, body: body, templates: templates, placing: false).data
    }

    /// `render`, with where the body stands in the file, byte for byte, at each place the layout
    /// prints it; nil when that is not known (the layout has no stencil, or escapes the body).
    func placedRender(_ view: LayoutView, body: Stencil.Filling, templates: TemplateSet) throws -> (data: Data, bodyOffsets: [Int]?) {
        try placedRender(view, body: body, templates: templates, placing: true)
    }

    private func placedRender(_ view: LayoutView, body: Stencil.Filling, templates: TemplateSet, placing: Bool) throws -> (data: Data, bodyOffsets: [Int]?) {
        /// Rendered by Mustache, with the body as a string.
        func rendered() throws -> (data: Data, bodyOffsets: [Int]?) {
            let whole = if case .html(let html) = body { view.replacing { $0 == .body ? html.string : $0.value(in: view) ?? "" } } else { view }
            return (Data(try templates.render(whole, with: "layout").utf8), nil)
        }
        guard templates.usesStencils else { return try rendered() }
        let frame = view.frame, dated = view.gewijzigd != nil
        let stencil: Stencil? = lock.withLock {
            if let kinds = made[frame.root], let index = kinds.firstIndex(where: { $0.dated == dated && $0.frame == frame }) {
                return kinds[index].stencil
            }
            guard made[frame.root, default: []].count < Self.kindsPerRoot else { return nil }
            let stencil = Self.stencil(for: view.replacing { _ in "" }, templates: templates)
            made[frame.root, default: []].append(Kind(frame: frame, dated: dated, stencil: stencil))
            return stencil
        }
        guard let stencil else { return try rendered() }
        let texts = LayoutText.allCases.map { $0 == .body ? body : .text($0.value(in: view) ?? "") }
        let data = stencil.filledData(with: texts)
        guard placing else { return (data, nil) }
        let bodies = stencil.placements(with: texts).filter { $0.text == LayoutText.body.rawValue }
        return (data, bodies.allSatisfy(\.verbatim) ? bodies.map(\.offset) : nil)
    }
}


/// The stencils of the page templates whose view is one text, the extra pages' (`PaginaView`),
/// one for each template, made at its first page. What else such a template can print is the
/// site's texts (`PageContext.t`), the same for every page of the site.
final class BodyStencils: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var made: [String: Stencil?] = [:]

    /// The stencil of `template` for a page of a site with these texts, or nil when it has none.
    static func stencil(_ template: String, texts: SharedView<SiteTexts>, templates: TemplateSet) -> Stencil? {
        Stencil.make(template, templates: templates, paths: [["page", "body"]]) { probes in
            PageContext(t: texts, page: PaginaView(body: HTMLText(probes[0])))
        }
    }

    /// `view` in `template`, or nil when the template has no stencil. `texts` are the site's, the
    /// same for every page.
    func render(_ view: PaginaView, template: String, texts: SharedView<SiteTexts>, templates: TemplateSet) -> HTMLText? {
        guard templates.usesStencils else { return nil }
        let stencil = lock.withLock {
            if let known = made[template] { return known }
            let stencil = Self.stencil(template, texts: texts, templates: templates)
            made[template] = stencil
            return stencil
        }
        // Valid UTF-8: the template's text and the body's bytes, or the body escaped as a string.
        return stencil.map { HTMLText(validUTF8: $0.filledBytes(with: [.html(view.body)])) }
    }
}
