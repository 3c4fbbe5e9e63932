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
    var scope: RuleScope { .bijsluiter }

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
    var scope: RuleScope { .file }

    func check(_ content: Content) -> [Diagnostic] {
        TextValues.files(in: content).flatMap(check)
    }
}

/// A rule across documents that reads the bijsluiters: every other document whole
/// (`Content.withoutBijsluiters`) and of each bijsluiter only its summary (`BijsluiterSummary`).
/// Every other rule across documents sees no bijsluiter at all, so `serve` keeps its findings
/// while only bijsluiters change; and these rules' findings cannot change while every summary
/// and every other document stays, which a patch build (`PatchBuild`) relies on after an edit to
/// a bijsluiter's front matter.
protocol BijsluiterReadingRule: Rule {
    func check(_ content: Content, bijsluiters: [BijsluiterSummary]) -> [Diagnostic]
}

extension BijsluiterReadingRule {
    var scope: RuleScope { .documentsWithBijsluiters }

    func check(_ content: Content) -> [Diagnostic] {
        check(content.withoutBijsluiters, bijsluiters: content.bijsluiters.map(BijsluiterSummary.init))
    }
}

/// What a rule across documents may read of one bijsluiter (`BijsluiterReadingRule`): its name,
/// its schools, whether its verwerker has a name, and the countries outside the EER it sends data
/// to, each with where it stands in the file.
struct BijsluiterSummary: Sendable, Equatable {
    struct Verwerker: Sendable, Equatable {
        let location: SourceLocation
        /// Whether its `naam` is there and not blank.
        let isNamed: Bool
    }

    let file: String
    let title: String
    let location: SourceLocation
    let scholen: ScholenKeuze?
    let scholenKey: SourceLocation?
    /// Nil when the bijsluiter has no `verwerker`.
    let verwerker: Verwerker?
    let countriesOutsideEER: [String]

    init(_ b: Bijsluiter) {
        file = b.file
        title = b.title
        location = b.location
        scholen = b.scholen
        scholenKey = b.scholenKey
        verwerker = b.verwerker.map { Verwerker(location: $0.location, isNamed: $0.naam.nonBlank != nil) }
        countriesOutsideEER = b.countriesOutsideEER
    }
}

/// A rule across documents that sees no bijsluiter at all (`Content.withoutBijsluiters`).
protocol DocumentRule: Rule {}

extension DocumentRule {
    var scope: RuleScope { .documents }
}

extension Content {
    /// What a rule across documents (neither a `BijsluiterRule` nor a `FileRule`) that reads
    /// bijsluiters sees: every top-level document and page whole; each bijsluiter without its
    /// body, and none of a bijsluiter file's text, tree or lines. Its findings can then only
    /// change when a top-level document, a page or a bijsluiter's front matter changes: `serve`
    /// keeps them as long as none did, so an edit to a bijsluiter's body alone runs no such rule.
    var forWholeRules: Content {
        var whole = self
        let files = Set(bijsluiters.map(\.file))
        whole.bijsluiters = bijsluiters.map(\.withoutBody)
        whole.listedBijsluiters = [:]
        whole.sources = sources.filter { !files.contains($0.key) }
        whole.yamlTrees = yamlTrees.filter { !files.contains($0.key) }
        whole.bodies = bodies.filter { !files.contains($0.file) }
        whole.textFileCache = TextValues.files(in: self).filter { !files.contains($0.path) }
        whole.invalidValues = []
        return whole
    }

    /// `forWholeRules` without any bijsluiter: what the other rules across documents see.
    var withoutBijsluiters: Content {
        var blind = self
        blind.bijsluiters = []
        blind.bodylessFingerprints = [:]
        blind.listedBijsluiters = [:]
        return blind
    }
}
