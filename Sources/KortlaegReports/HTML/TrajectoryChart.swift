import Foundation
import KortlaegExport

/// Inline SVG small multiple: one score of one informant across the occasions. The band ranges are
/// shaded stripes behind a line through the values, with a dot and the value at each occasion.
///
/// No script, no external resource, no `style` attribute (presentation attributes only), so it is
/// shown under the web server's Content-Security-Policy and in a file opened offline. Accessible:
/// `role="img"` with a `<title>` and a `<desc>` that reads the values out; the same numbers are in
/// the profile's table beside it.
enum TrajectoryChart {
    static let width = 184.0, plotHeight = 90.0
    private static let left = 26.0, right = 6.0, bottom = 20.0, lineHeight = 12.0
    /// The longest line of the chart's heading, in characters (longer labels wrap at a space or a slash).
    static let headingWidth = 27

    /// The chart of `score` across `occasions` (missing values leave a gap in the line).
    /// - Parameters:
    ///   - id: unique in the page; `id-t` and `id-d` name the title and the description.
    ///   - title: the chart's heading (score and informant).
    ///   - description: the values in words, for screen readers.
    static func svg(_ score: ChildReport.ProfileScore, occasions: [String], id: String, title: String, description: String,
                    number: (Double) -> String) -> String {
        let heading = lines(score.label)
        let top = lineHeight * Double(heading.count) + 10
        let height = top + plotHeight + bottom
        let plotWidth = width - left - right
        let span = max(score.maximum - score.minimum, 1)
        func y(_ value: Double) -> Double { top + plotHeight - (min(max(value, score.minimum), score.maximum) - score.minimum) / span * plotHeight }
        func x(_ index: Int) -> Double { left + (Double(index) + 0.5) * plotWidth / Double(max(occasions.count, 1)) }
        let e = XMLText.escape
        var s = "<svg class=\"trajectory\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">\n"
        s += "<title id=\"\(id)-t\">\(e(title))</title>\n<desc id=\"\(id)-d\">\(e(description))</desc>\n"
        for (index, line) in heading.enumerated() {
            // A line near the limit (one long word) is fitted to the chart's width rather than cut off.
            let fit = line.count >= headingWidth - 2 ? " textLength=\"\(Int(width - 2))\" lengthAdjust=\"spacingAndGlyphs\"" : ""
            s += "<text x=\"0\" y=\"\(f(lineHeight * Double(index + 1)))\" font-size=\"10\" font-weight=\"600\"\(fit)>\(e(line))</text>\n"
        }
        for band in score.bands {
            // Integer bands cover [min − 0.5, max + 0.5], clipped to the range (as in the profile chart).
            let lo = max(score.minimum, band.minimum - 0.5), hi = min(score.maximum, band.maximum + 0.5)
            guard hi > lo else { continue }
            s += "<rect x=\"\(f(left))\" y=\"\(f(y(hi)))\" width=\"\(f(plotWidth))\" height=\"\(f(y(lo) - y(hi)))\" fill=\"\(ProfileChart.bandColour(band.level))\"><title>\(e(band.label))</title></rect>\n"
        }
        s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#999\" stroke-width=\"0.5\"/>\n"
        s += "<text x=\"\(f(left - 4))\" y=\"\(f(top + plotHeight))\" text-anchor=\"end\">\(number(score.minimum))</text>\n"
        s += "<text x=\"\(f(left - 4))\" y=\"\(f(top + 8))\" text-anchor=\"end\">\(number(score.maximum))</text>\n"
        // The line, broken where a value is missing.
        var segment: [String] = []
        func flush() {
            if segment.count > 1 { s += "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>\n" }
            segment = []
        }
        for (index, occasion) in occasions.enumerated() {
            guard let value = score.values[occasion] ?? nil else { flush(); continue }
            segment.append("\(f(x(index))),\(f(y(value)))")
        }
        flush()
        for (index, occasion) in occasions.enumerated() {
            s += "<text x=\"\(f(x(index)))\" y=\"\(f(height - 5))\" text-anchor=\"middle\">\(e(occasion))</text>\n"
            guard let value = score.values[occasion] ?? nil else { continue }
            let colour = ProfileChart.occasionColour(occasion, in: occasions)
            s += "<circle cx=\"\(f(x(index)))\" cy=\"\(f(y(value)))\" r=\"4\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"1\"/>\n"
            // The value above the dot, or below it when the dot is at the top.
            let labelY = y(value) - 7 < top + 2 ? y(value) + 15 : y(value) - 7
            s += "<text x=\"\(f(x(index)))\" y=\"\(f(labelY))\" text-anchor=\"middle\" font-weight=\"600\">\(number(value))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// `label` in lines of at most ``headingWidth`` characters, broken after a space or a slash
    /// (a longer word stays whole).
    static func lines(_ label: String) -> [String] {
        var lines: [String] = [], line = "", word = ""
        func place() {
            if !line.isEmpty, line.count + word.count > headingWidth { lines.append(line.trimmingCharacters(in: .whitespaces)); line = "" }
            line += word
            word = ""
        }
        for character in label {
            word.append(character)
            if character == " " || character == "/" { place() }
        }
        place()
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(line.trimmingCharacters(in: .whitespaces)) }
        return lines
    }

    private static func f(_ value: Double) -> String { ProfileChart.f(value) }
}
