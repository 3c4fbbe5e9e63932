import Foundation

/// A 128-bit digest of a view: two views with the same digest render the same text with the same
/// templates. `serve` keys rendered pages by it, so a page that reads many files (the product
/// list, school pages, the feed) is rendered again only when what it shows changed. A view is
/// read as its converted Mustache value would be (see `MustacheValue`) but without converting
/// it: views that list their fields (`MustacheFields`) in that order, others by reflection.
struct ViewFingerprint: Hashable, CustomStringConvertible {
    private let high: Int
    private let low: Int

    init(_ parts: Any...) {
        var first = Hasher(), second = Hasher()
        second.combine(0x5eed)
        for part in parts { Self.feed(part, &first, &second) }
        high = first.finalize()
        low = second.finalize()
    }

    /// A digest of `texts`, then of each name with its fingerprint, in order: the key of
    /// something made from many files, each known by a fingerprint of its own.
    init(_ texts: [String], named items: [(name: String, fingerprint: ViewFingerprint)]) {
        var first = Hasher(), second = Hasher()
        second.combine(0x5eed)
        first.combine(texts); second.combine(texts.count)
        for text in texts { second.combine(text) }
        first.combine(items.count); second.combine(items.count)
        for item in items {
            first.combine(item.name); first.combine(item.fingerprint.high); first.combine(item.fingerprint.low)
            second.combine(item.fingerprint.low); second.combine(item.name); second.combine(item.fingerprint.high)
        }
        high = first.finalize()
        low = second.finalize()
    }

    var description: String { String(UInt(bitPattern: high), radix: 16) + "-" + String(UInt(bitPattern: low), radix: 16) }

    private static func feed(fragment: any ConvertedFragment, _ first: inout Hasher, _ second: inout Hasher) {
        feed(fragment.fingerprint, &first, &second)
    }

    /// A fragment, as its fingerprint.
    private static func feed(_ fingerprint: ViewFingerprint, _ first: inout Hasher, _ second: inout Hasher) {
        first.combine(8); first.combine(fingerprint)
        second.combine(8); second.combine(fingerprint.low); second.combine(fingerprint.high)
    }

    /// Fields by name; iteration order is not part of a dictionary's value: the keys are sorted.
    private static func feed(fields: [String: Any], _ first: inout Hasher, _ second: inout Hasher) {
        first.combine(5); first.combine(fields.count)
        second.combine(5); second.combine(fields.count)
        for (key, item) in fields.sorted(by: { $0.key < $1.key }) {
            first.combine(key); second.combine(key)
            feed(item, &first, &second)
        }
    }

    private static func feed(_ value: Any, _ first: inout Hasher, _ second: inout Hasher) {
        switch value {
        // Lists of kept rows are the bulk of the large views: the fragment case comes first.
        case let fragment as any ConvertedFragment:
            feed(fragment: fragment, &first, &second)
        case let text as String:
            first.combine(1); first.combine(text)
            second.combine(1); second.combine(text)
        case let flag as Bool:
            first.combine(2); first.combine(flag)
            second.combine(2); second.combine(flag)
        case let number as Int:
            first.combine(3); first.combine(number)
            second.combine(3); second.combine(number)
        case let fields as any MustacheFields:
            let pairs = fields.mustacheFields
            first.combine(9); first.combine(pairs.count)
            second.combine(9); second.combine(pairs.count)
            for (label, field) in pairs {
                first.combine(label); second.combine(label)
                feed(field as Any, &first, &second)
            }
        case let rows as FragmentList:
            // As `[Any]` below would read them, without a conditional cast of the whole array.
            let fingerprints = rows.fingerprints
            first.combine(4); first.combine(fingerprints.count)
            second.combine(4); second.combine(fingerprints.count)
            for fingerprint in fingerprints { feed(fingerprint, &first, &second) }
        case let list as [Any]:
            first.combine(4); first.combine(list.count)
            second.combine(4); second.combine(list.count)
            for item in list { feed(item, &first, &second) }
        case let view as ConvertedView:
            // In the view's fixed order (`ConvertedView.names`): the same for every view of a type.
            first.combine(5); first.combine(view.names.count)
            second.combine(5); second.combine(view.names.count)
            for (position, name) in view.names.enumerated() {
                first.combine(name); second.combine(name)
                feed(view.value(at: position) ?? AbsentValue(), &first, &second)
            }
        case let dictionary as [String: Any]:
            feed(fields: dictionary, &first, &second)
        case Optional<Any>.none, is AbsentValue:
            first.combine(6); second.combine(6)
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                if let wrapped = mirror.children.first?.value {
                    feed(wrapped, &first, &second)
                } else {
                    first.combine(6); second.combine(6)
                }
            case .struct, .class, .tuple:
                first.combine(10); first.combine(mirror.children.count)
                second.combine(10); second.combine(mirror.children.count)
                for child in mirror.children {
                    first.combine(child.label ?? ""); second.combine(child.label ?? "")
                    feed(child.value, &first, &second)
                }
            case .collection:
                let items = Array(mirror.children)
                first.combine(4); first.combine(items.count)
                second.combine(4); second.combine(items.count)
                for item in items { feed(item.value, &first, &second) }
            default:
                // Anything else a view may hold is shown through its description.
                let text = String(reflecting: value)
                first.combine(7); first.combine(text)
                second.combine(7); second.combine(text)
            }
        }
    }
}
