import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegReports

/// Builds a child or class report as one self-contained HTML page, from a project store or from
/// score files, and writes it when asked.
///
/// A report from a project is recorded in the project's audit log (by pseudonym, never by the id
/// given): before the page is returned when it goes to standard output (which cannot be taken
/// back), after the file is written otherwise, and a file that cannot be recorded is removed.
public enum ReportUseCase {
    /// Builds (and writes) the report.
    /// - Parameter sink: receives "wrote FILE".
    /// - Throws: ``KortlaegError``: ``Severity/usage`` for a CPR-shaped option or an unknown band
    ///   table, ``Severity/notFound`` for a missing score file or an unknown child,
    ///   ``Severity/invalidInput`` for an unknown class, unreadable input or a CPR-shaped report text,
    ///   ``Severity/cannotWrite`` when the page or its audit entry cannot be written.
    public static func run(_ request: ReportRequest, sink: any ProgressSink) throws(KortlaegError) -> ReportResult {
        switch request.source {
        case let .project(location):
            return try fromProject(location, request, sink: sink)
        case let .scoreFiles(files, idColumn):
            return try fromScoreFiles(files, idColumn: idColumn, request, sink: sink)
        }
    }

    // MARK: - Score files

    private static func fromScoreFiles(_ files: [ScoreFileInput], idColumn: String?, _ request: ReportRequest,
                                       sink: any ProgressSink) throws(KortlaegError) -> ReportResult {
        guard !files.isEmpty else {
            throw KortlaegError(.usage, "Please give at least one score file.", danish: "Angiv mindst én scorefil.")
        }
        try ScoreFileInput.requireExisting(files)
        let observations = try ReportObservation.rows(of: files, occasions: ScoreFileInput.occasions(files), idColumn: idColumn)
        let assembler = assembler(request)
        let html: String
        switch request.subject {
        case let .child(id, label):
            let own = observations.filter { $0.child == id }
            guard !own.isEmpty else {
                throw KortlaegError(.notFound, "The child id given with --child is in none of the score files (column \(idColumn ?? "1")).",
                                    danish: "Barnets id findes ikke i nogen af scorefilerne (kolonne \(idColumn ?? "1")).")
            }
            html = try render(try assembler.childReport(own, label: label ?? id, subtitle: written(request)), audience: request.audience)
        case let .group(name, _):
            html = try render(try assembler.classReport(observations, label: name))
        }
        if let output = request.output { try write(html, to: output, sink: sink) }
        return ReportResult(html: html, output: request.output, auditSummary: nil)
    }

    // MARK: - Shared

    static func assembler(_ request: ReportRequest) -> ReportAssembler {
        ReportAssembler(catalog: request.catalog, language: request.language, bandTableID: request.bandTable)
    }

    /// "Skrevet 2026-03-01".
    static func written(_ request: ReportRequest) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return Phrasebook.Report.written(formatter.string(from: request.date))(request.language)
    }

    static func render(_ report: ChildReport, audience: ReportRequest.Audience) throws(KortlaegError) -> String {
        do {
            switch audience {
            case .staff: return try ReportRenderer.html(report)
            case .parent: return try ReportRenderer.parentHTML(report)
            }
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Rapporten kunne ikke dannes.")
        }
    }

    static func render(_ report: ClassReport) throws(KortlaegError) -> String {
        do { return try ReportRenderer.html(report) } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Rapporten kunne ikke dannes.")
        }
    }

    static func write(_ html: String, to path: String, sink: any ProgressSink) throws(KortlaegError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(html.utf8)) else {
            throw KortlaegError(.cannotWrite, "\(path): cannot write.", danish: "\(path): filen kan ikke skrives.")
        }
        sink.note("wrote \(path)")
    }
}
