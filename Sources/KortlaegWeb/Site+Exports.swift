import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

extension Site {
    func registerExports(on router: Router<BasicRequestContext>) {
        router.get("/exports") { request, _ in
            try await page(.anyUser, request) { visit, session in try exportsPage(visit, session, problem: nil) }
        }
        router.post("/exports") { request, _ in
            try await page(.anyUser, request) { visit, session in
                let fields = try await form(visit, session)
                guard let format = ExportFormat(rawValue: fields["format"] ?? ""), format != .ddi else { throw HTTPError(.badRequest) }
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kortlaeg-web-\(WebLogin.randomToken().prefix(16))")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                defer { try? FileManager.default.removeItem(at: folder) }
                let output = folder.appendingPathComponent("kortlaeg-export.\(format.rawValue)").path
                let instruments = fields["instrument"].flatMap { $0.isEmpty ? nil : [$0] } ?? []
                let request = ExportRequest(source: .project(configuration.project, instruments: instruments),
                                            catalog: catalog, format: format, shape: fields["shape"] == "long" ? .long : .wide,
                                            output: output, language: visit.language, operator: session.user, tool: configuration.tool)
                do throws(KortlaegError) {
                    // The use case pseudonymises the ids and writes the export with its manifest to the audit log.
                    _ = try ExportUseCase.run(request, sink: CollectingSink())
                } catch {
                    return try exportsPage(visit, session, problem: error, status: .unprocessableContent)
                }
                let data = try Data(contentsOf: URL(fileURLWithPath: output))
                let type = format == .csv ? "text/csv; charset=utf-8" : "application/octet-stream"
                return Response(status: .ok, headers: [
                    .contentType: type,
                    .contentDisposition: "attachment; filename=\"kortlaeg-export.\(format.rawValue)\"",
                ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
        }
    }

    func exportsPage(_ visit: Visit, _ session: WebLogin.Session, problem: KortlaegError?, status: HTTPResponse.Status = .ok) throws -> Response {
        let l = visit.language
        let instruments = try storedInstruments()
        var h = problem.map { self.problem($0, l) } ?? ""
        h += "<p>\(HTML.e(T.exportIntro(l)))</p>"
        h += "<form method=\"post\" action=\"/exports\" class=\"stack\">\(csrfField(session))"
        h += "<label for=\"format\">\(HTML.e(T.format(l)))</label><select id=\"format\" name=\"format\">"
        h += "<option value=\"sav\">SPSS (.sav)</option><option value=\"dta\">Stata (.dta)</option><option value=\"csv\">CSV</option></select>"
        h += "<label for=\"shape\">\(HTML.e(T.shape(l)))</label><select id=\"shape\" name=\"shape\"><option value=\"wide\">\(HTML.e(T.wide(l)))</option><option value=\"long\">\(HTML.e(T.long(l)))</option></select>"
        h += "<label for=\"instrument\">\(HTML.e(T.instrument(l)))</label><select id=\"instrument\" name=\"instrument\"><option value=\"\">\(HTML.e(T.allInstruments(l)))</option>"
        h += instruments.map { "<option value=\"\(HTML.e($0))\">\(HTML.e($0))</option>" }.joined() + "</select>"
        h += "<button type=\"submit\">\(HTML.e(T.download(l)))</button></form>"
        return try html(T.exportsTitle(l), h, visit, status: status)
    }
}
