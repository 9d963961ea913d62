import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

extension Site {
    func registerEntry(on router: Router<BasicRequestContext>) {
        router.get("/entry") { request, _ in
            try await page(.dataEntry, request) { visit, session in try entryPage(visit, session, message: "") }
        }
        router.post("/entry") { request, _ in
            try await page(.dataEntry, request) { visit, session in
                let fields = try await form(visit, session)
                let l = visit.language
                var answers: [String: Int] = [:]
                for (name, value) in fields where name.hasPrefix("item.") && !value.isEmpty {
                    // A code that is not a number can only come from a forged form: the select offers the valid codes only.
                    guard let code = Int(value) else { throw HTTPError(.badRequest) }
                    answers[String(name.dropFirst(5))] = code
                }
                let request = EnterResponse.Request(project: configuration.project, catalog: catalog, instrument: fields["instrument"] ?? "",
                                                    child: fields["child"] ?? "", occasion: fields["occasion"] ?? "",
                                                    className: fields["class"].flatMap { $0.isEmpty ? nil : $0 }, answers: answers,
                                                    operator: session.user)
                let outcome: ImportOutcome
                do throws(KortlaegError) {
                    outcome = try EnterResponse.run(request, sink: CollectingSink())
                } catch {
                    return try entryPage(visit, session, message: problem(error, l), status: .unprocessableContent)
                }
                do {
                    let text: String
                    switch outcome {
                    case .imported: text = T.entered(l)
                    case .alreadyImported: text = T.alreadyEntered(l)
                    case .conflicts: text = T.enteredConflict(l)
                    }
                    return try entryPage(visit, session, message: "<p class=\"ok\" role=\"status\">\(HTML.e(text))</p>")
                }
            }
        }
    }

    func entryPage(_ visit: Visit, _ session: WebLogin.Session, message: String, status: HTTPResponse.Status = .ok) throws -> Response {
        let l = visit.language
        let chosen = query(visit, "instrument")
        var h = message
        h += "<form method=\"get\" action=\"/entry\" class=\"row\"><div class=\"stack\">" + instrumentChoice(l, chosen: chosen)
            .replacingOccurrences(of: "<option value=\"\">\(HTML.e(T.recognised(l)))</option>", with: "") + "</div><button type=\"submit\">\(HTML.e(T.show(l)))</button></form>"
        guard let chosen, let instrument = try? catalog.resolve(chosen) else {
            return try html(T.entryTitle(l), h + "<p>\(HTML.e(T.entryIntro(l)))</p>", visit, status: status)
        }
        h += "<form method=\"post\" action=\"/entry?instrument=\(HTML.e(Browserless.encode(instrument.reference.description)))\" class=\"stack\">\(csrfField(session))"
        h += "<input type=\"hidden\" name=\"instrument\" value=\"\(HTML.e(instrument.reference.description))\">"
        h += "<p>\(HTML.e(T.entryFor(instrument.reference.description)(l)))</p>"
        h += "<label for=\"entry-child\">\(HTML.e(T.childSearch(l)))</label><input id=\"entry-child\" name=\"child\" type=\"password\" autocomplete=\"off\" required>"
        h += occasionChoice(l, chosen: "T1").replacingOccurrences(of: "<option value=\"\">\(HTML.e(T.fromFile(l)))</option>", with: "")
        h += "<label for=\"entry-class\">\(HTML.e(T.className(l)))</label><input id=\"entry-class\" name=\"class\" maxlength=\"40\">"
        h += "<table><caption>\(HTML.e(T.entryItems(l)))</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">\(HTML.e(T.item(l)))</th><th scope=\"col\">\(HTML.e(T.answer(l)))</th></tr></thead><tbody>"
        for (index, entry) in EnterResponse.items(of: instrument).enumerated() {
            let id = "item-\(index)"
            // Item numbers and short labels only: no questionnaire wording is shipped.
            h += "<tr><td>\(entry.item.position ?? index + 1)</td><td><label for=\"\(id)\">\(HTML.e(entry.item.label.text(l)))</label></td><td><select id=\"\(id)\" name=\"item.\(HTML.e(entry.item.id))\">"
            h += "<option value=\"\">\(HTML.e(T.unanswered(l)))</option>"
            h += entry.codes.map { "<option value=\"\($0.code)\">\($0.code) – \(HTML.e($0.label.text(l)))</option>" }.joined()
            h += "</select></td></tr>"
        }
        h += "</tbody></table><button type=\"submit\">\(HTML.e(T.save(l)))</button></form>"
        return try html(T.entryTitle(l), h, visit, status: status)
    }
}

enum Browserless {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}
