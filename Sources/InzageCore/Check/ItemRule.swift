/// What a rule over one bijsluiter may read besides that bijsluiter. It holds no other bijsluiter
/// and no other file, so a finding can only change when the bijsluiter's own file or one of these
/// inputs changes: `serve` keeps the findings of unchanged files between rebuilds on that ground.
struct ItemContext: Sendable {
    let today: SchoolDate

    init(_ content: Content) {
        today = content.today
    }

    /// Every field, for cache keys: findings kept under one key were made with this context.
    var key: String { today.iso }
}

/// A rule that looks at one bijsluiter at a time.
protocol BijsluiterRule: Rule {
    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic]
}

extension BijsluiterRule {
    func check(_ content: Content) -> [Diagnostic] {
        let context = ItemContext(content)
        return content.bijsluiters.flatMap { check($0, in: context) }
    }
}

/// A rule over the texts of one file at a time (its YAML values and Markdown lines), whatever
/// document the file is: it sees nothing else.
protocol FileRule: Rule {
    func check(_ file: TextValues.File) -> [Diagnostic]
}

extension FileRule {
    func check(_ content: Content) -> [Diagnostic] {
        TextValues.files(in: content).flatMap(check)
    }
}
