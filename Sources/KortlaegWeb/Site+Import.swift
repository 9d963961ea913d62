import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

extension Site {
    func registerImport(on router: Router<BasicRequestContext>) {
        router.get("/import") { request, _ in
            try await page(.dataEntry, request) { visit, session in try importPage(visit, session, content: "") }
        }
        router.post("/import") { request, _ in
            try await page(.dataEntry, request) { visit, session in
                let form = try await MultipartForm.read(request, limit: configuration.uploadLimit)
                guard WebLogin.sameToken(form.fields["csrf"] ?? "", session.csrfToken) else { throw HTTPError(.forbidden) }
                guard let original = form.fileName, !form.file.isEmpty else {
                    return try importPage(visit, session, content: "<p class=\"error\" role=\"alert\">\(HTML.e(T.noFile(visit.language)))</p>")
                }
                let upload = try Upload.save(form.file, named: original, in: configuration.projectFolder)
                return try runImport(visit, session, upload: upload, fields: form.fields, dryRun: true)
            }
        }
        router.post("/import/confirm") { request, _ in
            try await page(.dataEntry, request) { visit, session in
                let fields = try await form(visit, session)
                guard let upload = Upload.find(token: fields["upload"] ?? "", in: configuration.projectFolder) else { throw HTTPError(.notFound) }
                if fields["cancel"] != nil {
                    upload.remove()
                    return Self.redirect("/import")
                }
                defer { upload.remove() }
                return try runImport(visit, session, upload: upload, fields: fields, dryRun: false)
            }
        }
    }

    func importPage(_ visit: Visit, _ session: WebLogin.Session, content: String) throws -> Response {
        let l = visit.language
        var h = content + "<p>\(HTML.e(T.importIntro(configuration.uploadLimit / (1024 * 1024))(l)))</p>"
        h += "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" class=\"stack\">\(csrfField(session))"
        h += "<label for=\"file\">\(HTML.e(T.file(l)))</label><input id=\"file\" name=\"file\" type=\"file\" required accept=\".csv,.txt,.xlsx,.xml,.json\">"
        h += occasionChoice(l, chosen: nil) + instrumentChoice(l, chosen: nil)
        h += "<button type=\"submit\">\(HTML.e(T.check(l)))</button></form>"
        h += undoSection(visit, session)
        return try html(T.importTitle(l), h, visit)
    }

    func occasionChoice(_ l: Language, chosen: String?) -> String {
        "<label for=\"occasion\">\(HTML.e(T.occasion(l)))</label><select id=\"occasion\" name=\"occasion\"><option value=\"\">\(HTML.e(T.fromFile(l)))</option>"
            + ["T1", "F1", "F2", "F3", "T2"].map { "<option\($0 == chosen ? " selected" : "") value=\"\($0)\">\($0)</option>" }.joined() + "</select>"
    }

    func instrumentChoice(_ l: Language, chosen: String?) -> String {
        "<label for=\"instrument\">\(HTML.e(T.instrument(l)))</label><select id=\"instrument\" name=\"instrument\"><option value=\"\">\(HTML.e(T.recognised(l)))</option>"
            + catalog.entries.map { entry in
                let reference = entry.instrument.reference.description
                return "<option\(reference == chosen ? " selected" : "") value=\"\(HTML.e(reference))\">\(HTML.e(reference))</option>"
            }.joined() + "</select>"
    }

    /// A dry run (what would be stored, with every problem) or the import itself, through ``ProjectImport``.
    func runImport(_ visit: Visit, _ session: WebLogin.Session, upload: Upload, fields: [String: String], dryRun: Bool) throws -> Response {
        let l = visit.language
        let occasion = fields["occasion"].flatMap { $0.isEmpty ? nil : $0 }
        let instrument = fields["instrument"].flatMap { $0.isEmpty ? nil : $0 }
        var request = ProjectImport.Request(project: configuration.project, files: [upload.path], instruments: catalog,
                                            profilesDirectory: configuration.instruments.profilesDirectory, operator: session.user)
        request.instrument = instrument
        request.occasion = occasion.flatMap(Occasion.init)
        request.dryRun = dryRun
        let sink = CollectingSink()
        var h = ""
        do {
            let result = try ProjectImport.run(request, sink: sink)
            for file in result.files {
                h += "<dl class=\"facts\">"
                h += "<dt>\(HTML.e(T.file(l)))</dt><dd>\(HTML.e(upload.name))</dd>"
                h += "<dt>\(HTML.e(T.detected(l)))</dt><dd>\(HTML.message(file.summary?.kind ?? T.notRecognised(l)))" + (file.summary?.evidence.map { " (\(HTML.message($0)))" } ?? "") + "</dd>"
                h += "<dt>\(HTML.e(T.instrument(l)))</dt><dd>\(HTML.e(file.summary?.instrument ?? "–"))</dd>"
                h += "<dt>\(HTML.e(T.records(l)))</dt><dd>\(T.recordCounts(file.summary?.read ?? 0, file.summary?.accepted ?? 0, file.summary?.rejected ?? 0)(l))</dd>"
                h += "</dl>"
                switch file.outcome {
                case .stored: h += "<p class=\"\(dryRun ? "note" : "ok")\">\(HTML.e(dryRun ? T.dryRunDone(l) : T.imported(l)))</p>"
                case .alreadyImported: h += "<p class=\"note\">\(HTML.e(T.alreadyImported(l)))</p>"
                case .conflicts: h += "<p class=\"error\">\(HTML.e(T.conflicts(l)))</p>"
                case let .failed(error): h += Self.problem(error)
                }
            }
        } catch {
            h += Self.problem(error)
        }
        if !sink.messages.isEmpty {
            h += "<h2>\(HTML.e(T.validationReport(l)))</h2><ul class=\"messages\">"
            // Messages name the uploaded file by its path in the project's folder; show its name instead.
            h += sink.messages.prefix(200).map { "<li class=\"\($0.kind.rawValue)\">\(HTML.message($0.text.replacingOccurrences(of: upload.path, with: upload.name)))</li>" }.joined()
            h += "</ul>"
        }
        if dryRun {
            h += "<form method=\"post\" action=\"/import/confirm\" class=\"row\">\(csrfField(session))"
            h += "<input type=\"hidden\" name=\"upload\" value=\"\(HTML.e(upload.token))\">"
            h += "<input type=\"hidden\" name=\"occasion\" value=\"\(HTML.e(occasion ?? ""))\"><input type=\"hidden\" name=\"instrument\" value=\"\(HTML.e(instrument ?? ""))\">"
            h += "<button type=\"submit\" name=\"import\" value=\"1\">\(HTML.e(T.importNow(l)))</button> <button type=\"submit\" name=\"cancel\" value=\"1\">\(HTML.e(T.cancel(l)))</button></form>"
        } else {
            h += "<p><a href=\"/\">\(HTML.e(T.backToOverview(l)))</a></p>"
        }
        return try html(dryRun ? T.dryRunTitle(l) : T.importTitle(l), h, visit)
    }
}

/// An uploaded file, kept only inside the project's folder (`.kortlaeg-uploads/TOKEN/NAME`) from
/// the dry run until the import or its cancellation; an hour later it is removed in any case.
struct Upload {
    var token: String
    var name: String
    var path: String

    static func folder(_ projectFolder: String) -> String { (projectFolder as NSString).appendingPathComponent(".kortlaeg-uploads") }

    /// A name that is safe as a file name and in the audit log: letters, digits, `.`, `_`, `-`; no CPR.
    static func safeName(_ name: String) -> String {
        let base = (name.replacingOccurrences(of: "\\", with: "/") as NSString).lastPathComponent
        var safe = String(base.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) ? Character($0) : "_" })
        safe = HTML.scrubbed(safe).replacingOccurrences(of: "•", with: "x")
        while safe.hasPrefix(".") { safe.removeFirst() }
        return safe.isEmpty ? "upload" : String(safe.prefix(100))
    }

    static func save(_ bytes: [UInt8], named original: String, in projectFolder: String) throws -> Upload {
        let root = folder(projectFolder)
        let manager = FileManager.default
        try manager.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for old in (try? manager.contentsOfDirectory(atPath: root)) ?? [] {
            let path = (root as NSString).appendingPathComponent(old)
            if let date = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date, date < Date().addingTimeInterval(-3600) {
                try? manager.removeItem(atPath: path)
            }
        }
        let token = WebLogin.randomToken()
        let directory = (root as NSString).appendingPathComponent(token)
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let name = safeName(original)
        let path = (directory as NSString).appendingPathComponent(name)
        guard manager.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { throw HTTPError(.internalServerError) }
        return Upload(token: token, name: name, path: path)
    }

    static func find(token: String, in projectFolder: String) -> Upload? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        let directory = (folder(projectFolder) as NSString).appendingPathComponent(token)
        guard let name = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.first else { return nil }
        return Upload(token: token, name: name, path: (directory as NSString).appendingPathComponent(name))
    }

    func remove() { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
}
