/// Turns a view model (plain structs, arrays, optionals) into nested dictionaries once, before
/// rendering. swift-mustache looks every name up with a new `Mirror` per context level, which made
/// reflection most of the build time; with dictionaries each lookup is a hash lookup.
enum MustacheValue {
    static func convert(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return Optional<Any>.none as Any }
            return convert(wrapped)
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label else { continue }
                let childMirror = Mirror(reflecting: child.value)
                if childMirror.displayStyle == .optional, childMirror.children.isEmpty { continue }
                dictionary[label] = convert(child.value)
            }
            return dictionary
        case .collection:
            return mirror.children.map { convert($0.value) }
        default:
            return value
        }
    }
}
