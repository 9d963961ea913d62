import Foundation
import Hummingbird
import KortlaegDomain
import KortlaegProject
import KortlaegStore
import KortlaegReports
import Logging

// The import wizard: upload → preview (format, encoding, first rows, choices with their reasons)
// and dry run → import. Every choice is a field of one plain form, so the page works without
// JavaScript; each post re-renders the preview and the dry run. The choices make a mapping
// profile (ImportPreview) that the dry run and the import hand to ProjectImport, as the CLI's
// `--profile FILE` would.
extension Site {
    typealias W = Phrasebook.Wizard
    typealias I = Phrasebook.Import

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
                return try wizard(visit, session, upload: upload, fields: form.fields, firstLook: true)
            }
        }
        router.post("/import/preview") { request, _ in
            try await page(.dataEntry, request) { visit, session in
                let fields = try await form(visit, session)
                guard let upload = Upload.find(token: fields["upload"] ?? "", in: configuration.projectFolder) else { throw HTTPError(.notFound) }
                return try wizard(visit, session, upload: upload, fields: fields, firstLook: false, save: fields["action"] == "save")
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
                return try wizard(visit, session, upload: upload, fields: fields, firstLook: false, dryRun: false,
                                  replace: fields["replace"] != nil)
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

    /// What the preview's choices are saved for: a table's header, or a record file's kind and form.
    static func profileKey(_ preview: ImportPreview.Result) -> SavedImportProfiles.Key? {
        if preview.recordFile {
            return preview.kind.map { .records($0, form: preview.recordForm) }
        }
        return preview.table.map { .header($0.header.map { $0.trimmingCharacters(in: [" ", "\t", "\u{FEFF}"]) }) }
    }

    /// The choices posted with the wizard's form (`id`, `instrument`, `informant`, `saved`, `col:NAME`).
    static func choice(_ fields: [String: String]) -> ImportPreview.Choice {
        var choice = ImportPreview.Choice()
        func given(_ name: String) -> String? { fields[name].flatMap { $0.isEmpty ? nil : $0 } }
        choice.idColumn = given("id")
        choice.instrument = given("instrument")
        choice.informant = given("informant").flatMap(Informant.init(rawValue:))
        choice.savedProfile = given("saved")
        for (name, value) in fields where name.hasPrefix("col:") {
            let column = String(name.dropFirst(4))
            if value.hasPrefix("item:") { choice.columns[column] = .item(String(value.dropFirst(5))) }
            if value.hasPrefix("attr:") { choice.columns[column] = .attribute(String(value.dropFirst(5))) }
        }
        return choice
    }

    /// The wizard's page: the file, the first rows, the choices, and a dry run with them (or, with
    /// `dryRun` false, the import itself).
    func wizard(_ visit: Visit, _ session: WebLogin.Session, upload: Upload, fields: [String: String], firstLook: Bool,
                save: Bool = false, dryRun: Bool = true, replace: Bool = false) throws -> Response {
        let l = visit.language
        let occasion = fields["occasion"].flatMap { $0.isEmpty ? nil : $0 }
        let saved = SavedImportProfiles(projectFolder: configuration.projectFolder)
        var previewRequest = ImportPreview.Request(file: upload.path, instruments: catalog, profilesDirectory: configuration.instruments.profilesDirectory,
                                                   saved: saved, choice: Self.choice(fields), picksSavedProfile: firstLook)
        previewRequest.sampleRows = 5
        let preview = ImportPreview.run(previewRequest)
        var h = ""
        if save, let profile = preview.profile, let key = Self.profileKey(preview) {
            do {
                let title = LocalizedText(["da": "Gemt i indlæsningsguiden fra \(upload.name)", "en": "Saved in the import wizard from \(upload.name)"])
                let stored = try saved.save(profile, for: key, title: title,
                                            note: "Saved by \(session.user) with the import wizard of kortlaeg serve from \(upload.name).",
                                            schema: (configuration.instruments.directory as NSString).appendingPathComponent("schema/profile.schema.json"))
                let said = I.profileSaved(stored.id, records: preview.recordFile)
                h += "<p class=\"ok\" role=\"status\">\(HTML.e(said(l)))</p>"
            } catch {
                configuration.logger.error("a mapping profile could not be saved", metadata: ["severity": .string("\(error.severity)")])
                h += "<p class=\"error\" role=\"alert\">\(HTML.e(I.profileNotSaved(l)))</p>"
            }
        } else if preview.savedProfilePicked, let id = preview.savedProfile {
            let said = I.savedProfilePicked(id, records: preview.recordFile)
            h += "<p class=\"ok\" role=\"status\">\(HTML.e(said(l)))</p>"
        }
        h += facts(preview, upload: upload, l)
        if let problem = preview.problem { h += "<p class=\"error\" role=\"alert\">\(HTML.e(problem.phrase(l)))</p>" }
        guard dryRun else {
            // Imported: the upload is gone, so no form to post again; the result and the way on.
            h += "<h2 id=\"result\">\(HTML.e(W.result(l)))</h2>"
            h += try runImport(preview, upload: upload, occasion: occasion, session: session, dryRun: false, replace: replace, l).html
            h += "<p><a href=\"/\">\(HTML.e(T.backToOverview(l)))</a> · <a href=\"/import\">\(HTML.e(W.another(l)))</a></p>"
            return try html(T.importTitle(l), h, visit)
        }
        h += firstRows(preview, l)
        h += "<form method=\"post\" action=\"/import/preview\">\(csrfField(session))"
        h += "<input type=\"hidden\" name=\"upload\" value=\"\(HTML.e(upload.token))\">"
        if let id = preview.savedProfile { h += "<input type=\"hidden\" name=\"saved\" value=\"\(HTML.e(id))\">" }
        h += choices(preview, occasion: occasion, l)
        h += "<h2 id=\"result\">\(HTML.e(W.dryRun(l)))</h2>"
        let dryRunResult = try runImport(preview, upload: upload, occasion: occasion, session: session, dryRun: true, replace: false, l)
        h += dryRunResult.html
        h += "<p class=\"row\">"
        if dryRunResult.conflicts {
            // A corrected re-delivery: the way to store it is to replace, said before the button.
            h += "<button type=\"submit\" name=\"replace\" value=\"1\" formaction=\"/import/confirm\">\(HTML.e(I.replaceNow(l)))</button> "
        }
        // A table or record file with a problem is not imported as it stands (other files: the import decides).
        // With conflicts, importing as it stands would only be refused again: replacing is the way on.
        if !dryRunResult.conflicts, preview.problem == nil || preview.table == nil && !preview.recordFile {
            h += "<button type=\"submit\" name=\"import\" value=\"1\" formaction=\"/import/confirm\">\(HTML.e(T.importNow(l)))</button> "
        }
        h += "<button type=\"submit\" name=\"cancel\" value=\"1\" formaction=\"/import/confirm\" formnovalidate>\(HTML.e(T.cancel(l)))</button></p>"
        h += "</form>"
        return try html(T.dryRunTitle(l), h, visit)
    }

    /// The file's kind, encoding, instrument and id column, each with its reason.
    func facts(_ preview: ImportPreview.Result, upload: Upload, _ l: Language) -> String {
        var h = "<h2>\(HTML.e(W.fileSection(l)))</h2><dl class=\"facts\">"
        func fact(_ term: Phrase, _ value: String) { h += "<dt>\(HTML.e(term(l)))</dt><dd>\(value)</dd>" }
        fact(T.file, HTML.e(upload.name))
        let kind = preview.kind.map { HTML.e($0.phrase(l)) + (preview.evidencePhrase.map { " (\(HTML.e($0(l))))" } ?? "") }
        fact(T.detected, kind ?? HTML.e(T.notRecognised(l)))
        if let encoding = preview.encodingPhrase { fact(W.encoding, HTML.e(encoding(l))) }
        if let instrument = preview.instrument {
            fact(T.instrument, HTML.e(instrument.reference.description) + (preview.instrumentReason.map { " (\(HTML.e($0.phrase(l))))" } ?? ""))
        }
        if let column = preview.idColumn {
            fact(W.childId, "»" + HTML.message(columnTitle(column, l)) + "«" + (preview.idReason.map { " (\(HTML.e($0.phrase(l))))" } ?? ""))
        }
        if !preview.occasionsInFile.isEmpty {
            fact(W.occasionsInFile, preview.occasionsInFile.map { occasion in
                "»" + HTML.message(occasion.raw) + "« → " + (occasion.code.map { HTML.e($0) } ?? HTML.e(W.notAnOccasion(l)))
            }.joined(separator: "; "))
        }
        if let profile = preview.baseProfile { fact(W.profile, HTML.e(profile)) }
        return h + "</dl>"
    }

    /// A column of the first rows as shown: a record file's parts in words, other names as written.
    func columnTitle(_ name: String, _ l: Language) -> String {
        switch name {
        case RecordPreview.subjectColumn: W.subjectPart(l)
        case RecordPreview.occasionColumn: W.occasionPart(l)
        case RecordPreview.formColumn: W.formPart(l)
        case RecordPreview.dateColumn: W.datePart(l)
        default: name
        }
    }

    /// The first rows as a table, every cell escaped, CPR-shaped values masked.
    func firstRows(_ preview: ImportPreview.Result, _ l: Language) -> String {
        guard let table = preview.table, !table.header.isEmpty else { return "" }
        let caption = preview.recordFile ? W.firstRecordsCaption(table.rows.count) : W.firstRowsCaption(table.rows.count)
        var h = "<h2>\(HTML.e((preview.recordFile ? W.firstRecords : W.firstRows)(l)))</h2><div class=\"scroll\"><table class=\"sample\"><caption>\(HTML.e(caption(l)))</caption><thead><tr>"
        h += table.header.map { "<th scope=\"col\">\(HTML.message(columnTitle($0, l)))</th>" }.joined() + "</tr></thead><tbody>"
        for row in table.rows { h += "<tr>" + row.map { "<td>\(HTML.message($0))</td>" }.joined() + "</tr>" }
        return h + "</tbody></table></div>"
    }

    /// The choices: id column, instrument, occasion, informant, and a drop-down per unmatched column.
    func choices(_ preview: ImportPreview.Result, occasion: String?, _ l: Language) -> String {
        var h = "<h2>\(HTML.e(W.choices(l)))</h2><p>\(HTML.e(W.choicesIntro(l)))</p><div class=\"row\">"
        if let table = preview.table {
            let chosen = preview.choice.idColumn
            let suggested = preview.idColumn.map { W.suggested("»\(columnTitle($0, l))«")(l) } ?? "–"
            // A record file's child id is its subject key or one of its fields, never another part.
            let offered = preview.recordFile ? [RecordPreview.subjectColumn] + preview.columns.map(\.name) : table.header
            h += "<p class=\"stack\"><label for=\"id\">\(HTML.e(W.childId(l)))</label><select id=\"id\" name=\"id\">"
            h += "<option value=\"\">\(HTML.message(suggested))</option>"
            h += offered.map { column in
                "<option\(column == chosen ? " selected" : "") value=\"\(HTML.e(column))\">\(HTML.message(columnTitle(column, l)))</option>"
            }.joined() + "</select></p>"
        }
        h += "<p class=\"stack\">" + instrumentChoice(l, chosen: preview.choice.instrument.flatMap { try? catalog.resolve($0).reference.description }) + "</p>"
        h += "<p class=\"stack\">" + occasionChoice(l, chosen: occasion) + "</p>"
        let own = preview.instrument.map { W.instrumentsOwn(T.informant($0.informant)(l))(l) } ?? W.fromProfileOrFile(l)
        h += "<p class=\"stack\"><label for=\"informant\">\(HTML.e(W.informant(l)))</label><select id=\"informant\" name=\"informant\"><option value=\"\">\(HTML.e(own))</option>"
        h += Informant.allCases.map { informant in
            "<option\(informant == preview.choice.informant ? " selected" : "") value=\"\(informant.rawValue)\">\(HTML.e(T.informant(informant)(l)))</option>"
        }.joined() + "</select></p></div>"

        if !preview.columns.isEmpty, let instrument = preview.instrument {
            func isItem(_ role: ResponseMapper.ColumnRole) -> Bool {
                if case .item = role { return true }
                return false
            }
            let items = preview.columns.filter { isItem($0.matched) }.count
            let others = preview.columns.filter { $0.matched != .unmatched && !isItem($0.matched) }.count
            h += "<fieldset><legend>\(HTML.e((preview.recordFile ? W.unmatchedFields : W.unmatched)(l)))</legend>"
                + "<p>\(HTML.e((preview.recordFile ? W.matchedFields(items, others) : W.matched(items, others))(l)))</p>"
            let open = preview.columns.filter { $0.matched == .unmatched }
            if open.isEmpty { h += "<p>\(HTML.e((preview.recordFile ? W.noUnmatchedFields : W.noUnmatched)(l)))</p>" }
            // An item read from another column is not offered again.
            let taken = Set(preview.columns.compactMap { column -> String? in
                if case let .item(id) = column.matched { return id }
                return nil
            })
            for (number, column) in open.enumerated() {
                let id = "col\(number)"
                let label = preview.recordFile ? W.fieldLabel(HTML.scrubbed(column.name)) : W.columnLabel(HTML.scrubbed(column.name))
                h += "<p class=\"stack\"><label for=\"\(id)\">\(HTML.e(label(l)))</label>"
                h += "<select id=\"\(id)\" name=\"col:\(HTML.e(column.name))\"><option value=\"\">\(HTML.e(W.ignore(l)))</option>"
                h += "<optgroup label=\"\(HTML.e(W.items(l)))\">"
                for item in instrument.items where !taken.contains(item.id) {
                    let selected = column.target == .item(item.id)
                    let label = item.label.text(l)
                    h += "<option\(selected ? " selected" : "") value=\"item:\(HTML.e(item.id))\">\(HTML.e(item.id)) (\(HTML.e(item.variable)))\(label.isEmpty ? "" : " – \(HTML.e(label))")</option>"
                }
                h += "</optgroup><optgroup label=\"\(HTML.e(W.attributes(l)))\">"
                for attribute in ImportPreview.attributeTargets {
                    let selected = column.target == .attribute(attribute)
                    h += "<option\(selected ? " selected" : "") value=\"attr:\(attribute)\">\(HTML.e(I.attribute(attribute)(l)))</option>"
                }
                h += "</optgroup></select></p>"
            }
            h += "</fieldset>"
        }
        h += "<p class=\"row\"><button type=\"submit\" name=\"action\" value=\"preview\">\(HTML.e(W.update(l)))</button>"
        // A table's choices are saved for its header, a record file's for its kind and first form.
        if preview.profile != nil, Self.profileKey(preview) != nil {
            h += " <button type=\"submit\" name=\"action\" value=\"save\" class=\"secondary\">\(HTML.e(W.saveProfile(l)))</button>"
        }
        return h + "</p>"
    }

    /// A dry run (what would be stored, with every problem) or the import itself, through
    /// ``ProjectImport`` with the preview's mapping profile; everything said in the page's language.
    /// - Returns: the result as HTML, and whether the file conflicts with responses already stored.
    func runImport(_ preview: ImportPreview.Result, upload: Upload, occasion: String?, session: WebLogin.Session,
                   dryRun: Bool, replace: Bool, _ l: Language) throws -> (html: String, conflicts: Bool) {
        if preview.problem != nil, preview.table != nil || preview.recordFile { return ("", false) }
        var request = ProjectImport.Request(project: configuration.project, files: [upload.path], instruments: catalog,
                                            profilesDirectory: configuration.instruments.profilesDirectory, operator: session.user)
        request.mappingProfile = preview.profile
        if preview.profile == nil { request.instrument = preview.choice.instrument }
        request.occasion = occasion.flatMap(Occasion.init)
        request.dryRun = dryRun
        request.replace = replace
        var h = ""
        var conflicting = false
        let result: ProjectImport.Result
        do { result = try ProjectImport.run(request, sink: CollectingSink()) } catch {
            configuration.logger.error("an import could not run", metadata: ["severity": .string("\(error.severity)"),
                                                                       "detail": .string(CPRGuard.masked(error.message))])
            return ("<p class=\"error\" role=\"alert\">\(HTML.e(I.fileRefused(l)))</p>", false)
        }
        for file in result.files {
            let summary = file.summary
            h += "<p>\(T.recordCounts(summary?.read ?? 0, summary?.accepted ?? 0, summary?.rejected ?? 0)(l))</p>"
            switch file.outcome {
            case let .stored(counts):
                h += "<p class=\"\(dryRun ? "note" : "ok")\" role=\"status\">\(HTML.e(dryRun ? T.dryRunDone(l) : T.imported(l))) "
                h += HTML.e(I.storedCounts(accepted: counts.accepted, newChildren: counts.newChildren, rejected: counts.rejected,
                                           unchanged: counts.unchanged, dryRun: dryRun)(l)) + "</p>"
                if counts.replaced > 0 { h += "<p class=\"note\">\(HTML.e(I.replacedCount(counts.replaced)(l)))</p>" }
            case .alreadyImported: h += "<p class=\"note\">\(HTML.e(T.alreadyImported(l)))</p>"
            case let .conflicts(conflicts, counts):
                conflicting = true
                h += conflictTable(conflicts, total: max(counts.conflicts, conflicts.count), dryRun: dryRun, l)
            case let .failed(error):
                // The page says what to check; whoever runs the server gets the reason (CPR-masked).
                configuration.logger.notice("an import refused the file", metadata: ["severity": .string("\(error.severity)"),
                                                                                  "detail": .string(CPRGuard.masked(error.message))])
                h += "<p class=\"error\" role=\"alert\">\(HTML.e((error.severity == .usage ? I.noOccasion : I.fileRefused)(l)))</p>"
            }
            if let summary, summary.repeated > 0 { h += "<p class=\"note\">\(HTML.e(I.repeated(summary.repeated, children: summary.children)(l)))</p>" }
            if let summary, !summary.missingAnswers.isEmpty {
                h += "<p class=\"note\">\(HTML.e(I.missingAnswers(summary.missingAnswers.values.reduce(0, +))(l)))</p>"
            }
            h += problems(file.problems, l)
        }
        return (h, conflicting)
    }

    /// The validation report: row, column, value, what was expected.
    func problems(_ problems: [MappingRejection], _ l: Language) -> String {
        guard !problems.isEmpty else { return "" }
        var h = "<h3>\(HTML.e(T.validationReport(l)))</h3><div class=\"scroll\"><table class=\"problems\"><caption>\(HTML.e(W.reportCaption(l)))</caption>"
        h += "<thead><tr><th scope=\"col\">\(HTML.e(W.rowColumn(l)))</th><th scope=\"col\">\(HTML.e(W.column(l)))</th><th scope=\"col\">\(HTML.e(W.value(l)))</th><th scope=\"col\">\(HTML.e(W.expected(l)))</th></tr></thead><tbody>"
        for problem in problems {
            h += "<tr><td>\(HTML.e(I.row(problem.row, line: problem.line)(l)))</td><td>\(HTML.message(problem.columnPhrase(l)))</td>"
            h += "<td>\(problem.value.map { HTML.message($0) } ?? HTML.e(W.valueHidden(l)))</td><td>\(HTML.message(problem.expectation(l)))</td></tr>"
        }
        h += "</tbody></table></div>"
        if problems.count >= ProjectImport.problemLimit { h += "<p class=\"note\">\(HTML.e(I.moreProblems(problems.count)(l)))</p>" }
        return h
    }
}

extension Site {
    /// The responses a file would change: how many, the first 20 (row, occasion, informant, the
    /// child's short pseudonym, the file that delivered them) and what replacing does.
    func conflictTable(_ conflicts: [ImportConflict], total: Int, dryRun: Bool, _ l: Language) -> String {
        var h = "<p class=\"error\" role=\"alert\">\(HTML.e(I.conflictCount(total)(l)))</p>"
        h += "<div class=\"scroll\"><table><caption>\(HTML.e(I.conflictCaption(shown: min(20, conflicts.count), total: total)(l)))</caption><thead><tr>"
        h += [I.row(l), T.occasion(l), I.informantHeading(l), I.childHeading(l), I.earlierFile(l)].map { "<th scope=\"col\">\(HTML.e($0))</th>" }.joined()
        h += "</tr></thead><tbody>"
        for conflict in conflicts.prefix(20) {
            let informant = Informant(rawValue: conflict.informant).map { Phrasebook.Report.informant($0)(l) } ?? conflict.informant
            let cells = [String(conflict.row), conflict.occasion, informant, PseudonymLabel.text(conflict.pseudonym), conflict.existingFile]
            h += "<tr>" + cells.map { "<td>\(HTML.e($0))</td>" }.joined() + "</tr>"
        }
        h += "</tbody></table></div>"
        h += "<p>\(HTML.e((dryRun ? I.replaceExplained : I.replaceAgain)(l)))</p>"
        return h
    }
}

/// An uploaded file, kept only inside the project's folder (`.kortlaeg-uploads/TOKEN/NAME`) from
/// the dry run until the import or its cancellation; an hour later it is removed in any case.
struct Upload {
    var token: String
    var name: String
    var path: String

    static func folder(_ projectFolder: String) -> String { (projectFolder as NSString).appendingPathComponent(".kortlaeg-uploads") }

    /// A name that is safe as a file name and in the audit log: Latin letters, digits, `.`, `_`, `-`; a
    /// CPR-shaped number becomes ``CPRGuard/marker`` (brackets and a space: harmless in a path).
    static func safeName(_ name: String) -> String {
        let base = (name.replacingOccurrences(of: "\\", with: "/") as NSString).lastPathComponent
        // Letters of Latin-1 and Latin Extended (æ, ø, å, ä, é …) are kept: Danish file names stay readable.
        var safe = String(base.unicodeScalars.map {
            CharacterSet.alphanumerics.contains($0) && ($0.isASCII || (0xC0...0x24F).contains($0.value)) || "._-".unicodeScalars.contains($0)
                ? Character($0) : "_"
        })
        safe = HTML.scrubbed(safe)
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
