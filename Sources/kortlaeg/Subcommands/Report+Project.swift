import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite

/// `kortlaeg report --project`: a child or class report from the stored responses, recorded in
/// the project's audit log.
extension Report {
    func runProject(_ path: String) throws {
        let store = try ProjectStoreOpening.open(path)
        let builder = StoreReport(store: store, catalog: try instruments.catalog(), language: lang, bandTableID: bands)
        do {
            let info = try store.project()
            let html: String
            let summary: String
            if let child {
                let (pseudonym, responses) = try builder.child(child)
                let about = [info.municipality, info.interventionModel].compactMap { $0 }
                let subtitle = ([subtitle()] + about).joined(separator: " · ")
                let report = try builder.childReport(responses, label: childLabel ?? StoreReport.label(pseudonym: pseudonym),
                                                     subtitle: subtitle)
                html = try ReportRenderer.html(report)
                // The full pseudonym (as stored) names the child in the audit log; never the id given.
                summary = "report child \(pseudonym): \(responses.count) responses (\(report.occasions.joined(separator: ", ")))"
            } else {
                let name = className ?? ""
                var responses = try builder.responses(ResponseQuery(className: name))
                if let school { responses = responses.filter { $0.attributes.school == school } }
                guard !responses.isEmpty else { throw StoreReport.Problem.classNotFound(name, school: school) }
                let report = try builder.classReport(responses, label: school.map { "\(name), \($0)" } ?? name)
                html = try ReportRenderer.html(report)
                let children = Set(responses.map(\.child)).count
                summary = "report class \(name)" + (school.map { " at \($0)" } ?? "")
                    + ": \(children) children, \(responses.count) responses (\(report.occasions.joined(separator: ", ")))"
            }
            let target = output.map { " to \(($0 as NSString).lastPathComponent)" } ?? " to stdout"
            if output == nil {
                // Standard output cannot be taken back: record first.
                try store.recordAudit(action: .report, summary: summary + target, detail: nil, operator: operatorOption.resolved)
                try write(html)
            } else {
                try write(html)
                do {
                    try store.recordAudit(action: .report, summary: summary + target, detail: nil, operator: operatorOption.resolved)
                } catch {
                    try? FileManager.default.removeItem(atPath: output!)
                    Diagnostics.error("The report could not be recorded in the project's audit log (\(error)); it was removed.")
                    throw KortlaegExit.cannotCreate
                }
            }
        } catch let error as ExportError {
            Diagnostics.error(error.description)
            throw KortlaegExit.dataError
        } catch let problem as StoreReport.Problem {
            Diagnostics.error(problem.description)
            throw KortlaegExit.dataError
        } catch let error as StoreError {
            Diagnostics.error(error.description)
            throw KortlaegExit.dataError
        }
    }
}
