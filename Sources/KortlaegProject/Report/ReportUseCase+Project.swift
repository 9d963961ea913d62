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
            throw KortlaegError(.usage, "An option holds a CPR-shaped number; it would be written into the audit log. Please use another name.",
                                danish: "Et navn indeholder et tal, der ligner et CPR-nummer; det ville blive skrevet i revisionsloggen. Brug et andet navn.")
        }
        return try fromProject(try ProjectLocation.open(location), request, sink: sink)
    }

    /// The report from an open store.
    static func fromProject(_ store: any ProjectStore, _ request: ReportRequest, sink: any ProgressSink) throws(KortlaegError) -> ReportResult {
        let info: ProjectInfo
        do { info = try store.project() } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets oplysninger kunne ikke læses.")
        }
        let assembler = assembler(request)
        let html: String
        let summary: String
        switch request.subject {
        case let .child(id, label):
            let (pseudonym, responses) = try ChildLookup(store: store).find(id)
            var observations: [ReportObservation] = []
            for response in responses { observations.append(try ReportObservation(response, catalog: request.catalog)) }
            let subtitle = ([written(request)] + [info.municipality, info.interventionModel].compactMap { $0 }).joined(separator: " · ")
            let named: String
            if let label { named = label } else { named = try heading(pseudonym, store: store, audience: request.audience) }
            let report = try assembler.childReport(observations, label: named, subtitle: subtitle)
            html = try render(report, audience: request.audience)
            // The full pseudonym (as stored) names the child in the audit log; never the id given.
            summary = "\(request.recordAsView ? "view" : "report") child \(pseudonym)\(request.audience == .parent ? " (parent version)" : ""): "
                + "\(responses.count) responses (\(report.occasions.joined(separator: ", ")))"
        case let .group(name, school):
            var responses: [StoredResponse] = []
            do {
                try store.responses(ResponseQuery(className: name)) { if school == nil || $0.attributes.school == school { responses.append($0) } }
            } catch {
                throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets besvarelser kunne ikke læses.")
            }
            guard !responses.isEmpty else {
                throw KortlaegError(.invalidInput, "The project has no stored responses for class '\(CPRNumber.masked(name))'"
                                    + (school.map { " at '\(CPRNumber.masked($0))'" } ?? "") + ". 'kortlaeg status' lists what is stored.",
                                    danish: "Projektet har ingen gemte besvarelser for klassen »\(CPRNumber.masked(name))«"
                                    + (school.map { " på »\(CPRNumber.masked($0))«" } ?? "") + ". Overblikket viser de gemte klasser.")
            }
            var observations: [ReportObservation] = []
            for response in responses { observations.append(try ReportObservation(response, catalog: request.catalog)) }
            var report = try assembler.classReport(observations, label: school.map { "\(name), \($0)" } ?? name)
            report.trivsel = try classTrivsel(store, className: name, school: school, responses: responses, request: request)
            html = try render(report)
            summary = "\(request.recordAsView ? "view" : "report") class \(name)" + (school.map { " at \($0)" } ?? "")
                + ": \(Set(responses.map(\.child)).count) children, \(responses.count) responses (\(report.occasions.joined(separator: ", ")))"
        }
        guard let output = request.output else {
            let entry = summary + " to \(request.shownIn)"
            try AuditedOutput.recordFirst(what: .report, in: store, action: request.recordAsView ? .view : .report, summary: entry,
                                          operator: request.operator)
            return ReportResult(html: html, output: nil, auditSummary: entry)
        }
        try write(html, to: output, sink: sink)
        let entry = summary + " to \((output as NSString).lastPathComponent)"
        try AuditedOutput.record([output], what: .report, in: store, action: .report, summary: entry, operator: request.operator)
        return ReportResult(html: html, output: output, auditSummary: entry)
    }

    /// The heading's name for a child: the short pseudonym, with the staff's own label beside it
    /// (``ChildLabelStore``); the parent version shows the staff's label alone when there is one.
    static func heading(_ pseudonym: String, store: any ProjectStore, audience: ReportRequest.Audience) throws(KortlaegError) -> String {
        let short = ChildLookup.label(pseudonym: pseudonym)
        guard let labels = store as? any ChildLabelStore else { return short }
        let own: String?
        do { own = try labels.childLabels()[pseudonym] } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Jeres egne betegnelser for børnene kunne ikke læses fra projektet.")
        }
        guard let own else { return short }
        return audience == .parent ? own : "\(short) (\(own))"
    }

    /// The trivselsmåling results of a class's school and klassetrin across school years: the
    /// school given, else the one school of the class's responses, else the project's only school
    /// with results; the klassetrin from the class's name (`4A`, `4.b` → 4), else every trin.
    static func classTrivsel(_ store: any ProjectStore, className: String, school: String?, responses: [StoredResponse],
                             request: ReportRequest) throws(KortlaegError) -> ClassReport.Trivsel {
        let results: [TrivselResult]
        do { results = try store.trivselResults() } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Trivselsmålingens resultater kunne ikke læses fra projektet.")
        }
        guard !results.isEmpty else { return .none }
        let schools = Set(results.compactMap(\.school))
        let classSchools = Set(responses.compactMap(\.attributes.school))
        let chosen = school ?? (classSchools.count == 1 ? classSchools.first : nil) ?? (schools.count == 1 ? schools.first : nil)
        let digits = className.prefix { $0.isASCII && $0.isNumber }
        let grade = digits.isEmpty ? nil : String(digits)
        guard let chosen else { return .notFound(school: nil, grade: grade) }
        let indicators = TrivselIndicators(catalog: request.catalog)
        do {
            let report = try TrivselReport.build(results: results, school: chosen, grade: grade, indicators: indicators)
            let national = request.trivselReference.flatMap { try? NationalTrivselReference.load(path: $0, indicators: indicators) }
            var files: [String] = []
            for result in results {
                let file = String(result.location[..<(result.location.lastIndex(of: ":") ?? result.location.endIndex)])
                if !files.contains(file) { files.append(file) }
            }
            var location = ""
            if case let .project(given) = request.source { location = given }
            return .shown(TrivselOverview(report: report, national: national,
                                          source: .project(location: location, files: files, schools: schools.count)))
        } catch {
            return .notFound(school: chosen, grade: grade)
        }
    }
}
