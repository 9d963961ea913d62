import Foundation
import KortlaegExport

/// Inline SVG: one horizontal bar per score, the band ranges as coloured segments behind it and
/// one marker bar per occasion on top.
enum ProfileChart {
    /// Band colours by level: 0 (normal range) to 3 and above.
    static let bandColours = ["#cfe8d5", "#f6e3a8", "#f2b8a8", "#e08f7f"]
    static let occasionColours = ["#2f5d8a", "#c45a1c", "#5b8a2f", "#7a3f9a"]

    /// The colour of a band level.
    static func bandColour(_ level: Int) -> String { bandColours[min(max(level, 0), bandColours.count - 1)] }

    /// The colour of an occasion: by its place among the report's occasions, so one occasion has
    /// one colour in every profile and in the legend.
    static func occasionColour(_ occasion: String, in order: [String]) -> String {
        occasionColours[(order.firstIndex(of: occasion) ?? 0) % occasionColours.count]
    }

    static func svg(_ profile: ChildReport.Profile, occasionOrder: [String], number: (Double) -> String, missingText: String) -> String {
        // Per score: the label on its own line, then the band ranges with one bar per occasion.
        let left = 2.0, barWidth = 380.0, labelHeight = 16.0
        let barsHeight = 14.0 * Double(max(1, profile.occasions.count)) + 4
        let rowHeight = labelHeight + barsHeight + 8
        let width = left + barWidth + 70
        let height = rowHeight * Double(profile.scores.count) + 4
        var s = "<svg role=\"img\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">\n"
        for (row, score) in profile.scores.enumerated() {
            let labelTop = Double(row) * rowHeight + 2
            let top = labelTop + labelHeight
            let span = max(score.maximum - score.minimum, 1)
            func x(_ value: Double) -> Double { left + (value - score.minimum) / span * barWidth }
            s += "<text x=\"\(f(left))\" y=\"\(f(labelTop + 12))\">\(XMLText.escape(score.label))</text>\n"
            for band in score.bands {
                // Integer bands cover [min - 0.5, max + 0.5], clipped to the range.
                let lo = max(score.minimum, band.minimum - 0.5), hi = min(score.maximum, band.maximum + 0.5)
                s += "<rect x=\"\(f(x(lo)))\" y=\"\(f(top))\" width=\"\(f(max(0, x(hi) - x(lo))))\" height=\"\(f(barsHeight))\" fill=\"\(bandColour(band.level))\"><title>\(XMLText.escape(band.label))</title></rect>\n"
            }
            for (index, occasion) in profile.occasions.enumerated() {
                let y = top + 3 + Double(index) * 14
                guard let value = score.values[occasion] ?? nil else {
                    s += "<text x=\"\(f(left + 4))\" y=\"\(f(y + 9))\">\(XMLText.escape(occasion)): \(XMLText.escape(missingText))</text>\n"
                    continue
                }
                s += "<rect x=\"\(f(left))\" y=\"\(f(y))\" width=\"\(f(max(1, x(value) - left)))\" height=\"10\" fill=\"\(occasionColour(occasion, in: occasionOrder))\"/>\n"
                s += "<text x=\"\(f(left + barWidth + 6))\" y=\"\(f(y + 9))\">\(XMLText.escape(occasion)): \(number(value))</text>\n"
            }
        }
        return s + "</svg>\n"
    }

    /// An SVG coordinate (always a decimal point).
    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
