import Foundation
import KortlaegDomain
import KortlaegReports
import KortlaegStore

extension ReportUseCase {
    /// A child or class report from the project's stored responses, recorded in its audit log.
    static func fromProject(_ location: String, _ request: ReportRequest, sink: any ProgressSink) throws(KortlaegError) -> ReportResult {
        // Option values go into the audit log, which never holds a CPR number.
        var named = [request.output ?? ""]
        if case let .group(name, school) = request.subject { named += [name, school ?? ""] }
        if named.contains(where: CPRNumber.containsCPR) {
            throw KortlaegError(.usage, "An option holds a CPR-shaped number; it would be written into the audit log. Please use another name.")
        }
        return try fromProject(try ProjectLocation.open(location), request, sink: sink)
    }

    /// The report from an open store.
    static func fromProject(_ store: any ProjectStore, _ request: ReportRequest, sink: any ProgressSink) throws(KortlaegError) -> ReportResult {
        let info: ProjectInfo
        do { info = try store.project() } catch { throw KortlaegError(.invalidInput, "\(error)") }
        let assembler = assembler(request)
        let html: String
        let summary: String
        switch request.subject {
        case let .child(id, label):
            let (pseudonym, responses) = try ChildLookup(store: store).find(id)
            var observations: [ReportObservation] = []
            for response in responses { observations.append(try ReportObservation(response, catalog: request.catalog)) }
            let subtitle = ([written(request)] + [info.municipality, info.interventionModel].compactMap { $0 }).joined(separator: " · ")
            let report = try assembler.childReport(observations, label: label ?? ChildLookup.label(pseudonym: pseudonym),
                                                   subtitle: subtitle)
            html = try render(report)
            // The full pseudonym (as stored) names the child in the audit log; never the id given.
            summary = "report child \(pseudonym): \(responses.count) responses (\(report.occasions.joined(separator: ", ")))"
        case let .group(name, school):
            var responses: [StoredResponse] = []
            do {
                try store.responses(ResponseQuery(className: name)) { if school == nil || $0.attributes.school == school { responses.append($0) } }
            } catch {
                throw KortlaegError(.invalidInput, "\(error)")
            }
            guard !responses.isEmpty else {
                throw KortlaegError(.invalidInput, "The project has no stored responses for class '\(CPRNumber.masked(name))'"
                                    + (school.map { " at '\(CPRNumber.masked($0))'" } ?? "") + ". 'kortlaeg status' lists what is stored.")
            }
            var observations: [ReportObservation] = []
            for response in responses { observations.append(try ReportObservation(response, catalog: request.catalog)) }
            let report = try assembler.classReport(observations, label: school.map { "\(name), \($0)" } ?? name)
            html = try render(report)
            summary = "report class \(name)" + (school.map { " at \($0)" } ?? "")
                + ": \(Set(responses.map(\.child)).count) children, \(responses.count) responses (\(report.occasions.joined(separator: ", ")))"
        }
        guard let output = request.output else {
            let entry = summary + " to \(request.shownIn)"
            try AuditedOutput.recordFirst(what: "The report", in: store, action: .report, summary: entry, operator: request.operator)
            return ReportResult(html: html, output: nil, auditSummary: entry)
        }
        try write(html, to: output, sink: sink)
        let entry = summary + " to \((output as NSString).lastPathComponent)"
        try AuditedOutput.record([output], what: "The report", in: store, action: .report, summary: entry, operator: request.operator)
        return ReportResult(html: html, output: output, auditSummary: entry)
    }
}
