/// Test input with positions marked by keycap emoji (`1️⃣`, `2️⃣`, …) instead of line and column
/// numbers counted by hand, as swift-format's rule tests do. The markers are removed from `text`;
/// columns count Unicode scalars, as libyaml's marks (and so every Inzage diagnostic) do.
struct MarkedText {
    /// A 1-based line and column.
    struct Position: Hashable, CustomStringConvertible {
        var line: Int
        var column: Int

        var description: String { "\(line):\(column)" }
    }

    /// The markers that can be used, `1️⃣` to `9️⃣`.
    static let markers: [String] = (1...9).map { "\($0)\u{FE0F}\u{20E3}" }

    /// The text without its markers.
    let text: String
    /// Where each marker stood, by marker.
    let positions: [String: Position]

    init(_ marked: String) {
        let scalars = Array(marked.unicodeScalars)
        var output = String.UnicodeScalarView()
        var positions: [String: Position] = [:]
        var line = 1
        var column = 1
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if index + 2 < scalars.count, ("1"..."9").contains(scalar),
               scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}" {
                positions["\(scalar)\u{FE0F}\u{20E3}"] = Position(line: line, column: column)
                index += 3
                continue
            }
            output.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        self.text = String(output)
        self.positions = positions
    }

    /// The position of a marker; nil when the text does not contain it.
    func position(of marker: String = "1️⃣") -> Position? { positions[marker] }

    /// Whether the text contains any marker at all.
    static func containsMarker(_ text: String) -> Bool {
        markers.contains { text.contains($0) }
    }
}
