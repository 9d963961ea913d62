import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

extension Site {
    func registerOverview(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            try await page(.anyUser, request) { visit, session in try overview(visit, session, problem: nil) }
        }
        router.post("/search") { request, _ in
            try await page(.children, request) { visit, session in
                let fields = try await form(visit, session)
                if let text = fields["label"] {
                    // The staff's own label (never a CPR number: labels holding one are refused when set).
                    let found = try ChildLabels.find(project: configuration.project, text: text)
                    if found.count == 1 { return Self.redirect("/child/\(found[0].pseudonym)") }
                    return try overview(visit, session, problem: found.isEmpty ? T.noLabelMatch(visit.language) : nil,
                                        matches: found, status: found.isEmpty ? .notFound : .ok)
                }
                let id = (fields["child"] ?? "").trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty else { return try overview(visit, session, problem: T.noChildFound(visit.language)) }
                // The id (a CPR number, say) is hashed with the project key by the lookup; it is never stored, logged or shown.
                do {
                    let found = try ChildLookup(store: try ProjectLocation.open(configuration.project)).find(id)
                    return Self.redirect("/child/\(found.pseudonym)")
                } catch let error as KortlaegError {
                    // Not found, or a pseudonym prefix several children share: the lookup's own words.
                    return try overview(visit, session, problem: error.message(in: visit.language) ?? T.noChildFound(visit.language), status: .notFound)
                } catch {
                    return try overview(visit, session, problem: T.noChildFound(visit.language), status: .notFound)
                }
            }
        }
    }

    func overview(_ visit: Visit, _ session: WebLogin.Session, problem: String?, matches: [(pseudonym: String, label: String)] = [],
                  status: HTTPResponse.Status = .ok) throws -> Response {
        let l = visit.language
        // The staff's own labels are for staff: a researcher never sees them.
        let labels = try session.role.seesChildren ? ChildLabels.all(project: configuration.project) : [:]
        let className = query(visit, "class")
        let status_ = try ShowProjectStatus.run(.init(project: configuration.project, recentImports: 3), sink: CollectingSink())
        let grid = try ShowMissingForms.run(project: configuration.project, className: className)
        let info = status_.project
        var h = problem.map { "<p class=\"error\" role=\"alert\">\(HTML.e($0))</p>" } ?? ""
        if !matches.isEmpty {
            h += "<p role=\"status\">\(HTML.e(T.labelMatches(matches.count)(l)))</p><ul>"
            h += matches.map { "<li><a href=\"/child/\($0.pseudonym)\">\(HTML.e($0.label))</a> (\(HTML.e(PseudonymLabel.text($0.pseudonym))))</li>" }.joined()
            h += "</ul>"
        }
        h += "<dl class=\"facts\">"
        h += "<dt>\(HTML.e(T.tool(l)))</dt><dd>\(HTML.e(info.toolVersion ?? T.notGiven(l)))</dd>"
        h += "<dt>\(HTML.e(T.municipality(l)))</dt><dd>\(HTML.e(info.municipality ?? T.notGiven(l)))</dd>"
        h += "<dt>\(HTML.e(T.model(l)))</dt><dd>\(HTML.e(info.interventionModel ?? T.notGiven(l)))</dd>"
        h += "<dt>\(HTML.e(T.children(l)))</dt><dd>\(status_.childCount)</dd>"
        h += "<dt>\(HTML.e(T.occasions(l)))</dt><dd>" + (grid.occasions.isEmpty ? HTML.e(T.none(l)) : grid.occasions.map { occasion in
            HTML.e(occasion) + (grid.dates[occasion].map { " (\(HTML.e($0.lowerBound))" + ($0.lowerBound == $0.upperBound ? "" : " – \(HTML.e($0.upperBound))") + ")" } ?? "")
        }.joined(separator: ", ")) + "</dd></dl>"

        h += "<section aria-labelledby=\"find\"><h2 id=\"find\">\(HTML.e(T.find(l)))</h2><div class=\"row\">"
        if session.role.seesChildren {
            h += """
                <form method="post" action="/search" class="stack" autocomplete="off">\(csrfField(session))
                <label for="child">\(HTML.e(T.childSearch(l)))</label>
                <input id="child" name="child" type="password" inputmode="numeric" autocomplete="off" required>
                <button type="submit">\(HTML.e(T.search(l)))</button></form>
                """
            if try ChildLabels.supported(project: configuration.project) {
                h += """
                    <form method="post" action="/search" class="stack" autocomplete="off">\(csrfField(session))
                    <label for="label">\(HTML.e(T.labelSearch(l)))</label>
                    <input id="label" name="label" type="search" autocomplete="off" required>
                    <button type="submit">\(HTML.e(T.search(l)))</button></form>
                    """
            }
        }
        h += "<form method=\"get\" action=\"/\" class=\"stack\"><label for=\"class\">\(HTML.e(T.className(l)))</label><select id=\"class\" name=\"class\">"
        h += "<option value=\"\">\(HTML.e(T.allClasses(l)))</option>"
        h += grid.classes.map { "<option\($0 == className ? " selected" : "") value=\"\(HTML.e($0))\">\(HTML.e($0))</option>" }.joined()
        h += "</select><button type=\"submit\">\(HTML.e(T.show(l)))</button></form>"
        if let className {
            h += "<p><a href=\"/class?name=\(HTML.e(className.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))\">\(HTML.e(T.classPicture(className)(l)))</a></p>"
        }
        h += "</div></section>"

        h += "<section aria-labelledby=\"grid\"><h2 id=\"grid\">\(HTML.e(T.missingForms(l)))</h2>"
        if grid.rows.isEmpty {
            h += "<p>\(HTML.e(T.noResponses(l)))</p>"
        } else {
            let complete = grid.rows.filter { $0.missing(in: grid) == 0 }.count
            h += "<p>\(HTML.e(T.gridSummary(grid.rows.count, complete)(l)))</p>"
            // The same list as `kortlaeg status`: per occasion and informant, how many forms are missing.
            let missing = grid.list.entries.filter { !$0.children.isEmpty }
            if !missing.isEmpty {
                h += "<ul class=\"missing-list\">" + missing.map {
                    "<li>\(HTML.e(T.missingFormsCell($0.occasion, T.informant($0.informant)(l), $0.children.count)(l)))</li>"
                }.joined() + "</ul>"
            }
            h += "<div class=\"scroll\"><table class=\"grid\"><caption>\(HTML.e(T.gridCaption(l)))</caption><thead><tr><th scope=\"col\" rowspan=\"2\">\(HTML.e(T.child(l)))</th><th scope=\"col\" rowspan=\"2\">\(HTML.e(T.className(l)))</th>"
                + (labels.isEmpty ? "" : "<th scope=\"col\" rowspan=\"2\">\(HTML.e(T.labelColumn(l)))</th>")
            h += grid.occasions.map { "<th scope=\"colgroup\" colspan=\"\(grid.informants.count)\">\(HTML.e($0))</th>" }.joined() + "</tr><tr>"
            h += grid.occasions.map { _ in grid.informants.map { "<th scope=\"col\">\(HTML.e(T.informant($0)(l)))</th>" }.joined() }.joined() + "</tr></thead><tbody>"
            for row in grid.rows {
                let label = HTML.e(PseudonymLabel.text(row.pseudonym))
                let name = session.role.seesChildren ? "<a href=\"/child/\(HTML.e(row.pseudonym))\">\(label)</a>" : label
                h += "<tr><th scope=\"row\">\(name)</th><td>\(HTML.e(row.className ?? "–"))</td>"
                if !labels.isEmpty { h += "<td>\(HTML.e(labels[row.pseudonym] ?? ""))</td>" }
                for occasion in grid.occasions {
                    for informant in grid.informants {
                        h += row.has(occasion, informant) ? "<td class=\"ok\">✓<span class=\"sr\"> \(HTML.e(T.present(l)))</span></td>"
                            : "<td class=\"missing\">\(HTML.e(T.missing(l)))</td>"
                    }
                }
                h += "</tr>"
            }
            h += "</tbody></table></div>"
        }
        h += "</section>"
        return try html(T.overview(l), h, visit, status: status)
    }
}
