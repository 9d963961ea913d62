import ArgumentParser
import Foundation
import KortlaegProject
import KortlaegReports

/// Progress over the whole course: which occasions a run analyses, and the course output.
extension Progress {
    /// What a run analyses: two occasions (the T1 → T2 output, unchanged) or the whole course.
    enum Plan {
        /// From `from` to `to`; with score files, the earlier and the later file.
        case pairwise(from: String, to: String, files: [AnalyseCourse.OccasionFile])
        /// Every occasion in `codes` (at least three), from score files or the project.
        case course([String], files: [AnalyseCourse.OccasionFile])
    }

    /// The score files of `--t1`, `--t2` and `--occasion CODE=FILE`, in course order.
    var occasionFiles: [AnalyseCourse.OccasionFile] {
        var files: [AnalyseCourse.OccasionFile] = []
        files += t1.map { .init(occasion: "T1", path: $0) }
        files += t2.map { .init(occasion: "T2", path: $0) }
        for entry in occasion {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            files.append(.init(occasion: parts.first ?? entry, path: parts.count == 2 ? parts[1] : ""))
        }
        return AnalyseCourse.inCourseOrder(files)
    }

    /// Decides between the two-occasion analysis and the course.
    ///
    /// Files: the files given (or those `--occasions` names); more than two is a course. Project:
    /// `--occasions` as given; `--from`/`--to` as given; otherwise every occasion with data, a
    /// course when there are more than two (two or fewer keep the T1 → T2 default).
    func plan() throws(KortlaegError) -> Plan {
        let wanted = try occasions.map { text throws(KortlaegError) in try AnalyseCourse.occasions(parsing: text) }
        if project.path == nil {
            for entry in occasion where !entry.contains("=") || entry.hasSuffix("=") {
                throw KortlaegError(.usage, "--occasion '\(entry)' must be CODE=FILE, e.g. --occasion F1=scores-F1.csv.")
            }
            var files = occasionFiles
            if let wanted { files = files.filter { file in wanted.contains { $0.uppercased() == file.occasion.uppercased() } } }
            let codes = files.map(\.occasion).reduce(into: [String]()) { codes, code in
                if !codes.contains(where: { $0.uppercased() == code.uppercased() }) { codes.append(code) }
            }
            // Several files for one occasion (one per class, site or batch) are read as one, in
            // the T1 -> T2 analysis and over the course alike.
            let course = codes.count > 2 || (wanted?.count ?? 0) > 2
            if course { return .course(wanted ?? codes, files: occasionFiles) }
            return .pairwise(from: from ?? files.first?.occasion ?? "T1", to: to ?? files.last?.occasion ?? "T2", files: files)
        }
        if let wanted {
            return wanted.count > 2 ? .course(wanted, files: []) : .pairwise(from: wanted[0], to: wanted[1], files: [])
        }
        if from != nil || to != nil { return .pairwise(from: from ?? "T1", to: to ?? "T2", files: []) }
        try AnalyseCourse.checkProjectGrouping(by)
        let stored = try AnalyseCourse.storedOccasions(project: project.path ?? "", instrument: instrument,
                                                       instruments: try catalog())
        if stored.count > 2 { return .course(stored, files: []) }
        return stored.count == 2 ? .pairwise(from: stored[0], to: stored[1], files: []) : .pairwise(from: "T1", to: "T2", files: [])
    }

    private func catalog() throws(KortlaegError) -> InstrumentCatalog {
        do { return try instruments.catalog() } catch let error as KortlaegError { throw error } catch {
            throw KortlaegError(.invalidInput, "\(error)")
        }
    }

    /// The settings of the command line (shared by both analyses).
    func settings() throws(ProgressSettingsError) -> ProgressSettings {
        var settings = ProgressSettings(
            bandTableID: bandTable.id, normSetID: normSet,
            reliabilities: try ProgressSettings.assignments(reliability.filter { $0 != "sample" }, of: .reliability),
            standardDeviations: try ProgressSettings.assignments(sd, of: .standardDeviation),
            sdFromBaseline: sdFromBaseline, cutoffLevel: cutoffLevel, includeUnverified: includeUnverified)
        settings.reliabilityFromSample = reliability.contains("sample")
        return settings
    }

    /// The course analysis of `codes`.
    func courseReport(_ codes: [String], files: [AnalyseCourse.OccasionFile], sink: any ProgressSink) throws -> CourseReport {
        do {
            let source: AnalyseCourse.Source = project.path.map { .project($0) } ?? .files(files, idColumn: id)
            let request = AnalyseCourse.Request(
                source: source, instrument: instrument, instruments: try catalog(), occasions: codes, groupBy: by,
                sexColumn: sexColumn, settings: try settings(), suppressionThreshold: suppress, language: language.language)
            return try AnalyseCourse.run(request, sink: sink)
        } catch let error as ProgressSettingsError {
            throw KortlaegExit.usage(error.description, in: Self.self)
        } catch let error as KortlaegError {
            throw KortlaegExit.fail(error, in: Self.self)
        }
    }

    /// Runs the course and writes its table, CSV or JSON, and the long file (`--long` or `--per-child`).
    func runCourse(_ codes: [String], files: [AnalyseCourse.OccasionFile]) throws {
        let report = try courseReport(codes, files: files, sink: StderrSink.shared)
        let text = switch format {
        case .table: CourseTextRenderer(report: report, language: language.language).text
        case .json: CourseJSONRenderer(report: report, language: language.language).text
        case .csv: CourseCSVRenderer(report: report, language: language.language).groups.text
        }
        do {
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                print(text, terminator: "")
            }
            let long = CourseCSVRenderer(report: report, language: language.language).long.text
            for path in [self.long, perChild].compactMap({ $0 }) {
                try long.write(toFile: path, atomically: true, encoding: .utf8)
            }
        } catch {
            throw KortlaegExit.fail(writeFailure(error))
        }
    }

    /// `--long` with two occasions: the same long file over those two.
    func writeLong(to path: String, occasions codes: [String], files: [AnalyseCourse.OccasionFile]) throws {
        let report = try courseReport(codes, files: files, sink: CollectingSink())
        do {
            try CourseCSVRenderer(report: report, language: language.language).long.text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw KortlaegExit.fail(writeFailure(error))
        }
    }
}
