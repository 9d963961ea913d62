import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports
import KortlaegProgress

// The progress page (issue 16, page 6): the whole course — the initial mapping, every follow-up
// and the final mapping — per group, through the use case of `kortlaeg progress --occasions`
// (AnalyseCourse) and rendered by CourseHTMLRenderer; below it, on request, the detailed
// comparison of two occasions (AnalyseProgress, as `kortlaeg progress --from --to`).
extension Site {
    /// The statistics settings of the progress page. Nobody types options in a browser: where the
    /// instrument has no norm SD for a score, the reliable change uses the SD of the first
    /// occasion's scores in the analysed children (`--sd-from-baseline`, Jacobson & Truax 1991's
    /// pre-treatment SD) instead of telling a PPR employee to give one on the command line.
    static let progressSettings = ProgressSettings(sdFromBaseline: true)

    typealias P = Phrasebook.WebProgress

    /// Instruments with stored responses, as `id@version`.
    func storedInstruments() throws -> [String] {
        var seen: Set<String> = []
        try ProjectLocation.open(configuration.project).responses(ResponseQuery()) { seen.insert($0.instrument.description) }
        return seen.sorted()
    }

    /// `GET /progress?instrument=…&by=…&occasion=T1&occasion=F1…[&from=T1&to=T2]`.
    func progress(_ visit: Visit, _ session: WebLogin.Session) throws -> Response {
        let l = visit.language
        let instruments = try storedInstruments()
        let instrument = query(visit, "instrument") ?? instruments.first
        let by = query(visit, "by")
        guard let instrument else {
            return try html(T.progressTitle(l), "<p>\(HTML.e(T.noResponses(l)))</p>", visit)
        }
        let stored: [String]
        do throws(KortlaegError) {
            stored = try AnalyseCourse.storedOccasions(project: configuration.project, instrument: instrument, instruments: catalog)
        } catch {
            // The way on: the instruments that have responses, each a link to its progress page.
            let links = instruments.map { "<li><a href=\"/progress?instrument=\(HTML.e(Browserless.encode($0)))\">\(HTML.e($0))</a></li>" }.joined()
            let list = links.isEmpty ? "" : "<p>\(HTML.e(T.instrumentsWithResponses(l)))</p><ul>\(links)</ul>"
            return try html(T.progressTitle(l), problem(error, l) + list, visit, status: error.severity == .usage ? .badRequest : .ok)
        }
        let asked = Set(visit.request.uri.queryParameters.getAll("occasion"))
        // Nothing ticked (the first look): every occasion with data, as the CLI's project default.
        let chosen = stored.filter { asked.contains($0) }
        let occasions = chosen.isEmpty ? stored : chosen

        var h = "<p>\(HTML.e(P.intro(l)))</p>"
        h += "<form method=\"get\" action=\"/progress\" class=\"row\">"
        h += "<div class=\"stack\"><label for=\"instrument\">\(HTML.e(T.instrument(l)))</label><select id=\"instrument\" name=\"instrument\">"
            + Self.options(instruments.map { ($0, $0) }, instrument) + "</select></div>"
        h += "<div class=\"stack\"><label for=\"by\">\(HTML.e(T.groupBy(l)))</label><select id=\"by\" name=\"by\">"
            + Self.options([("", T.noGrouping(l))] + Self.groupings.map { ($0, P.grouping($0)(l)) }, by ?? "") + "</select></div>"
        h += "<fieldset class=\"stack\"><legend>\(HTML.e(P.occasionsLegend(l)))</legend>"
        for (index, code) in stored.enumerated() {
            h += "<label for=\"occasion\(index)\"><input type=\"checkbox\" id=\"occasion\(index)\" name=\"occasion\" value=\"\(HTML.e(code))\""
                + "\(occasions.contains(code) ? " checked" : "")> \(HTML.e(P.occasionName(code, first: code == stored.first, last: code == stored.last)(l)))</label>"
        }
        h += "</fieldset><button type=\"submit\">\(HTML.e(T.show(l)))</button></form>"

        if occasions.count < 2 {
            h += "<p class=\"note\" role=\"status\">\(HTML.e(P.needsTwo(occasions)(l)))</p>"
        } else {
            let request = AnalyseCourse.Request(source: .project(configuration.project), instrument: instrument, instruments: catalog,
                                                occasions: chosen.isEmpty ? nil : occasions, groupBy: by,
                                                settings: Self.progressSettings, language: l)
            do throws(KortlaegError) {
                let report = try AnalyseCourse.run(request, sink: CollectingSink())
                h += CourseHTMLRenderer(report: report, language: l).html
            } catch {
                h += problem(error, l)
            }
        }
        h += pairDetail(visit, session, instrument: instrument, by: by, stored: stored)
        return try html(T.progressTitle(l), h, visit)
    }

    /// The comparison of two occasions in detail (tests, effect sizes, the share above the
    /// cut-off, the unpaired children): a form, and the text of `kortlaeg progress --from --to`
    /// when both are chosen.
    func pairDetail(_ visit: Visit, _ session: WebLogin.Session, instrument: String, by: String?, stored: [String]) -> String {
        let l = visit.language
        guard stored.count >= 2 else { return "" }
        let from = query(visit, "from"), to = query(visit, "to")
        var h = "<h2 id=\"pair\">\(HTML.e(P.pairTitle(l)))</h2><p>\(HTML.e(P.pairIntro(l)))</p>"
        h += "<form method=\"get\" action=\"/progress#pair\" class=\"row\"><input type=\"hidden\" name=\"instrument\" value=\"\(HTML.e(instrument))\">"
        if let by { h += "<input type=\"hidden\" name=\"by\" value=\"\(HTML.e(by))\">" }
        let pairs = stored.map { ($0, $0) }
        h += "<div class=\"stack\"><label for=\"from\">\(HTML.e(T.from(l)))</label><select id=\"from\" name=\"from\">"
            + Self.options(pairs, from ?? stored.first!) + "</select></div>"
        h += "<div class=\"stack\"><label for=\"to\">\(HTML.e(T.to(l)))</label><select id=\"to\" name=\"to\">"
            + Self.options(pairs, to ?? stored.last!) + "</select></div>"
        h += "<button type=\"submit\">\(HTML.e(P.compare(l)))</button></form>"
        guard let from, let to else { return h }
        guard let earlier = Occasion(from), let later = Occasion(to), earlier < later else {
            return h + "<p class=\"error\" role=\"alert\">\(HTML.e(P.fromBeforeTo(l)))</p>"
        }
        let request = AnalyseProgress.Request(source: .project(configuration.project), instrument: instrument, instruments: catalog,
                                              from: from, to: to, groupBy: by, settings: Self.progressSettings, language: l)
        do throws(KortlaegError) {
            var report = try AnalyseProgress.run(request, sink: CollectingSink())
            // A researcher sees group results only: the unpaired children are counted, not listed.
            if !session.role.seesChildren { report.childIDs = .hidden }
            h += "<p>\(HTML.e(T.progressIntro(l)))</p>"
            h += "<pre class=\"report\">\(HTML.message(ProgressTextRenderer(report: report, language: l).text))</pre>"
        } catch {
            h += problem(error, l)
        }
        return h
    }

    /// The groupings offered (the project's `--by` names).
    static let groupings = ["class", "school", "sex", "birth-year", "site"]

    /// `<option>`s for (value, text) pairs, `chosen` selected; everything escaped.
    static func options(_ values: [(String, String)], _ chosen: String?) -> String {
        values.map { "<option\($0.0 == chosen ? " selected" : "") value=\"\(HTML.e($0.0))\">\(HTML.e($0.1))</option>" }.joined()
    }
}
