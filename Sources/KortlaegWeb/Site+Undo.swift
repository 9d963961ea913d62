import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

/// "Fortryd seneste indlæsning": the import page's section, a confirmation page that shows what
/// would be removed (a dry run: nothing changes), and the removal itself through ``RemoveImport``
/// (one transaction, audited with the user's name). PPR staff and admins only; every form carries
/// the session's CSRF token.
extension Site {
    func registerUndo(on router: Router<BasicRequestContext>) {
        // The confirmation page: what removing the last import would remove.
        router.post("/import/undo") { request, _ in
            try await page(.dataEntry, request) { visit, session in
                let fields = try await form(visit, session)
                return try undo(visit, session, fields: fields, dryRun: true)
            }
        }
        // The removal, after the confirmation.
        router.post("/import/undo/confirm") { request, _ in
            try await page(.dataEntry, request) { visit, session in
                let fields = try await form(visit, session)
                if fields["cancel"] != nil { return Self.redirect("/import") }
                return try undo(visit, session, fields: fields, dryRun: false)
            }
        }
    }

    /// The import page's section: the last import and the button to undo it (or that there is none).
    func undoSection(_ visit: Visit, _ session: WebLogin.Session) -> String {
        let l = visit.language
        var h = "<section aria-labelledby=\"undo-title\"><h2 id=\"undo-title\">\(HTML.e(T.undoTitle(l)))</h2>"
        guard let imports = try? ListImports.run(.init(project: configuration.project), sink: CollectingSink()),
              let latest = ListImports.latest(in: imports) else {
            return h + "<p>\(HTML.e(T.undoNothing(l)))</p></section>"
        }
        h += "<p>\(HTML.message(T.undoLatest(latest.fileName, latest.importedAt, latest.operator, latest.responses)(l)))</p>"
        h += "<form method=\"post\" action=\"/import/undo\">\(csrfField(session))"
        h += "<input type=\"hidden\" name=\"batch\" value=\"\(latest.id)\">"
        h += "<button type=\"submit\">\(HTML.e(T.undoButton(l)))</button></form></section>"
        return h
    }

    /// The confirmation (dry run) or the removal of the import named in the form, which must still
    /// be the last one: a newer import meanwhile is never removed by a stale page.
    func undo(_ visit: Visit, _ session: WebLogin.Session, fields: [String: String], dryRun: Bool) throws -> Response {
        let l = visit.language
        guard let batch = fields["batch"].flatMap(Int64.init) else { throw HTTPError(.badRequest) }
        var h = ""
        let latest: StoredImport?
        do {
            latest = ListImports.latest(in: try ListImports.run(.init(project: configuration.project), sink: CollectingSink()))
        } catch {
            return try html(T.undoTitle(l), problem(error, l), visit, status: .internalServerError)
        }
        guard let latest, latest.id == batch else {
            h += "<p class=\"error\" role=\"alert\">\(HTML.e(T.undoChanged(l)))</p><p><a href=\"/import\">\(HTML.e(T.importTitle(l)))</a></p>"
            return try html(T.undoTitle(l), h, visit, status: .conflict)
        }
        let removal: ImportRemoval
        do {
            removal = try RemoveImport.run(.init(project: configuration.project, batch: batch, operator: session.user, dryRun: dryRun),
                                           sink: CollectingSink())
        } catch {
            return try html(T.undoTitle(l), problem(error, l), visit, status: error.severity == .notFound ? .notFound : .internalServerError)
        }
        let text = ImportRemovalRenderer(removal: removal, language: l)
        h += "<dl class=\"facts\">"
        h += "<dt>\(HTML.e(T.undoFile(l)))</dt><dd>\(HTML.message(latest.fileName))</dd>"
        h += "<dt>\(HTML.e(T.undoWhen(l)))</dt><dd>\(HTML.e(latest.importedAt))</dd>"
        h += "<dt>\(HTML.e(T.undoWho(l)))</dt><dd>\(HTML.e(latest.operator))</dd>"
        h += "<dt>\(HTML.e(T.undoHeld(l)))</dt><dd>\(latest.responses)</dd>"
        h += "</dl>"
        if dryRun { h += "<p class=\"note\">\(HTML.e(T.undoQuestion(l)))</p>" }
        h += "<ul class=\"messages\">" + text.facts.map { "<li>\(HTML.message($0))</li>" }.joined() + "</ul>"
        if dryRun {
            h += "<form method=\"post\" action=\"/import/undo/confirm\" class=\"row\">\(csrfField(session))"
            h += "<input type=\"hidden\" name=\"batch\" value=\"\(batch)\">"
            h += "<button type=\"submit\" name=\"remove\" value=\"1\">\(HTML.e(T.undoConfirm(l)))</button> "
            h += "<button type=\"submit\" name=\"cancel\" value=\"1\">\(HTML.e(T.cancel(l)))</button></form>"
            return try html(T.undoConfirmTitle(l), h, visit)
        }
        h = "<p class=\"ok\">\(HTML.message(text.headline))</p>" + h
        h += "<p><a href=\"/import\">\(HTML.e(T.importTitle(l)))</a> · <a href=\"/\">\(HTML.e(T.backToOverview(l)))</a></p>"
        return try html(T.undoDoneTitle(l), h, visit)
    }
}
