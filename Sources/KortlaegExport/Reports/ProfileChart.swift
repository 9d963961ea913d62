import Foundation

/// Inline SVG: one horizontal bar per score, the band ranges as coloured segments behind it and
/// one marker bar per occasion on top.
enum ProfileChart {
    static let bandColours = ["#cfe8d5", "#f6e3a8", "#f2b8a8", "#e08f7f"]
    static let occasionColours = ["#2f5d8a", "#c45a1c", "#5b8a2f", "#7a3f9a"]

    static func svg(_ profile: ChildReport.Profile, number: (Double) -> String, missingText: String) -> String {
        let labelWidth = 170.0, barWidth = 300.0, rowHeight = 14.0 * Double(max(1, profile.occasions.count)) + 12
        let height = rowHeight * Double(profile.scores.count) + 8
        var s = "<svg role=\"img\" width=\"100%\" viewBox=\"0 0 \(Int(labelWidth + barWidth + 60)) \(Int(height))\">\n"
        for (row, score) in profile.scores.enumerated() {
            let top = Double(row) * rowHeight + 4
            let span = max(score.maximum - score.minimum, 1)
            func x(_ value: Double) -> Double { labelWidth + (value - score.minimum) / span * barWidth }
            s += "<text x=\"0\" y=\"\(f(top + rowHeight / 2))\">\(XMLText.escape(score.label))</text>\n"
            for band in score.bands {
                // Integer bands cover [min - 0.5, max + 0.5], clipped to the range.
                let lo = max(score.minimum, band.minimum - 0.5), hi = min(score.maximum, band.maximum + 0.5)
                let colour = bandColours[min(max(band.level, 0), bandColours.count - 1)]
                s += "<rect x=\"\(f(x(lo)))\" y=\"\(f(top))\" width=\"\(f(max(0, x(hi) - x(lo))))\" height=\"\(f(rowHeight - 6))\" fill=\"\(colour)\"><title>\(XMLText.escape(band.label))</title></rect>\n"
            }
            for (index, occasion) in profile.occasions.enumerated() {
                let y = top + 3 + Double(index) * 14
                guard let value = score.values[occasion] ?? nil else {
                    s += "<text x=\"\(f(labelWidth + 4))\" y=\"\(f(y + 9))\" class=\"muted\">\(XMLText.escape(occasion)): \(XMLText.escape(missingText))</text>\n"
                    continue
                }
                let colour = occasionColours[index % occasionColours.count]
                s += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y))\" width=\"\(f(max(1, x(value) - labelWidth)))\" height=\"9\" fill=\"\(colour)\"/>\n"
                s += "<text x=\"\(f(labelWidth + barWidth + 6))\" y=\"\(f(y + 8))\">\(XMLText.escape(occasion)): \(number(value))</text>\n"
            }
        }
        return s + "</svg>\n"
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
