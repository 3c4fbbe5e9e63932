/// A view that every page shows alike (the site's texts, the FG's contact details in the
/// footer): converted for Mustache once per site, not once for each of thousands of pages.
/// Read as its view everywhere else (`ViewFingerprint`, `MustacheFieldsTests`).
final class SharedView<View: MustacheFields>: MustacheFields, @unchecked Sendable {
    let view: View
    /// The view converted, made once; only read from then on, on all cores.
    let mustacheValue: Any?

    init(_ view: View) {
        self.view = view
        mustacheValue = view.mustacheValue
    }

    var mustacheFields: KeyValuePairs<String, Any?> { view.mustacheFields }
}

extension SharedView: Equatable {
    /// The same shared view: a site converts each once.
    static func == (lhs: SharedView, rhs: SharedView) -> Bool { lhs === rhs }
}
