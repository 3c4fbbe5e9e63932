import Foundation

/// An sRGB colour with WCAG relative luminance and contrast.
public struct RGBColour: Sendable, Equatable {
    public var red: Int, green: Int, blue: Int

    public static let white = RGBColour(red: 255, green: 255, blue: 255)

    public init(red: Int, green: Int, blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#1d4f91` or `#14f`.
    public init?(hex: String) {
        var digits = hex.trimmedWhitespace
        guard digits.hasPrefix("#") else { return nil }
        digits.removeFirst()
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        self.init(red: (value >> 16) & 0xFF, green: (value >> 8) & 0xFF, blue: value & 0xFF)
    }

    public var hex: String {
        func two(_ n: Int) -> String { let s = String(n, radix: 16); return s.count == 1 ? "0" + s : s }
        return "#" + two(red) + two(green) + two(blue)
    }

    public var relativeLuminance: Double {
        func channel(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    public func contrast(with other: RGBColour) -> Double {
        let a = relativeLuminance, b = other.relativeLuminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The same hue made darker step by step until it reaches the contrast against white.
    public func darkened(toContrast target: Double) -> RGBColour {
        var colour = self
        var factor = 1.0
        while colour.contrast(with: .white) < target, factor > 0 {
            factor -= 0.02
            colour = RGBColour(red: Int(Double(red) * factor), green: Int(Double(green) * factor), blue: Int(Double(blue) * factor))
        }
        return colour
    }
}
