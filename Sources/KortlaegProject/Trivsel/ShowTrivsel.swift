import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegReports
import KortlaegStore

/// A school's (or class level's) trivselsmåling indicators across school years beside the national
/// figures (`kortlaeg trivsel`), from results files or from a project's stored results; from a
/// project one school is also shown beside the municipality (all the project's schools).
public enum ShowTrivsel {
    /// Where the results come from.
    public enum Source: Hashable, Sendable {
        /// Results files (CSV).
        case files([String])
        /// The results stored in a project.
        case project(String)
    }

    /// What to show.
    public struct Request: Sendable {
        /// Where the results come from.
        public var source: Source
        /// The school: its full name or a unique part of it (nil: the only school, or all combined).
        public var school: String?
        /// A klassetrin or group of trin (`4`, `4. klasse`, `Udskoling`); nil for all.
        public var grade: String?
        /// The files' separator: comma, semicolon or tab (nil: detected).
        public var delimiter: String?
        /// The school year of file rows that give none; not for a project (stored results keep theirs).
        public var schoolYear: SchoolYear?
        /// The national reference file (`trivsel/national-reference.json` of the instruments); nil: none shown.
        public var nationalReference: String?
        /// The indicators (ids, names, results-file columns), from the instrument data.
        public var indicators: TrivselIndicators
        /// `--sheet`: the sheet of an Excel workbook, by name or 1-based number (nil: the first,
        /// which is then said on the sink).
        public var sheet: String?

        /// A request.
        public init(source: Source, school: String? = nil, grade: String? = nil, delimiter: String? = nil,
                    schoolYear: SchoolYear? = nil, nationalReference: String? = nil, indicators: TrivselIndicators) {
            self.source = source
            self.school = school
            self.grade = grade
            self.delimiter = delimiter
            self.schoolYear = schoolYear
            self.nationalReference = nationalReference
            self.indicators = indicators
        }
    }

    /// The overview, and how reading went.
    public struct Result: Sendable {
        /// What to show.
        public var overview: TrivselOverview
        /// ``Severity/rowsRejected`` when cells of a file could not be read (they are shown as absent).
        public var severity: Severity
    }

    /// Reads the results and builds the overview. Unreadable cells are reported to `sink` as warnings.
    /// - Throws: ``KortlaegError``: ``Severity/usage`` when `school` or `grade` picks out nothing or
    ///   is ambiguous; ``Severity/notFound`` for a missing file or project, or a project without
    ///   results; ``Severity/invalidInput`` for an unreadable file or store.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        switch request.source {
        case let .files(paths):
            return try showFiles(paths, request: request, sink: sink)
        case let .project(location):
            guard request.schoolYear == nil else {
                throw KortlaegError(.usage, "--school-year applies to FILE rows without a school year; stored results keep theirs.")
            }
            return try showProject(location, request: request, sink: sink)
        }
    }

    private static func showFiles(_ paths: [String], request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        guard !paths.isEmpty else { throw KortlaegError(.usage, "Please give the results FILE.") }
        let files = try TrivselFiles(delimiter: request.delimiter, schoolYear: request.schoolYear, indicators: request.indicators,
                                     sheet: request.sheet)
        var results: [TrivselResult] = []
        var problems: [TrivselCellProblem] = []
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { throw KortlaegError(.notFound, "\(path): no such file.") }
            do {
                let file = try files.read(path, sink: sink)
                results += file.results
                problems += file.problems
            } catch {
                throw KortlaegError(.invalidInput, "\(error)")
            }
        }
        for problem in problems { sink.warning(problem.description) }
        let report = try build(results, school: request.school, grade: request.grade, indicators: request.indicators, source: "the file")
        let national = loadNational(request.nationalReference, indicators: request.indicators, sink: sink)
        if !problems.isEmpty { sink.warning("\(problems.count) cell(s) could not be read and are shown as absent.") }
        return Result(overview: TrivselOverview(report: report, national: national, source: .files(paths)),
                      severity: problems.isEmpty ? .success : .rowsRejected)
    }

    private static func showProject(_ location: String, request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        let store = try ProjectLocation.open(location)
        let results: [TrivselResult]
        do {
            results = try store.trivselResults()
        } catch {
            throw KortlaegError(.invalidInput, "\(error)")
        }
        guard !results.isEmpty else {
            throw KortlaegError(.notFound, "\(location) holds no trivselsmåling results yet. Store a results file first: "
                + "kortlaeg trivsel FILE --project \(location) --store.")
        }
        let report = try build(results, school: request.school, grade: request.grade, indicators: request.indicators, source: "the project")
        let schools = Set(results.compactMap(\.school)).count
        // One school's figures are compared with all the project's schools (the municipality).
        let municipality = report.school != nil && schools > 1
            ? try build(results, school: nil, grade: request.grade, indicators: request.indicators, source: "the project") : nil
        var files: [String] = []
        for result in results {
            let file = String(result.location[..<(result.location.lastIndex(of: ":") ?? result.location.endIndex)])
            if !files.contains(file) { files.append(file) }
        }
        let national = loadNational(request.nationalReference, indicators: request.indicators, sink: sink)
        let overview = TrivselOverview(report: report, municipality: municipality, national: national,
                                       source: .project(location: location, files: files, schools: schools))
        return Result(overview: overview, severity: .success)
    }

    private static func build(_ results: [TrivselResult], school: String?, grade: String?,
                              indicators: TrivselIndicators, source: String) throws(KortlaegError) -> TrivselReport {
        do {
            return try TrivselReport.build(results: results, school: school, grade: grade, indicators: indicators)
        } catch {
            throw KortlaegError(.usage, error.description(source: source))
        }
    }

    /// The national figures, or nil (with a warning) when the file cannot be read.
    private static func loadNational(_ path: String?, indicators: TrivselIndicators, sink: any ProgressSink) -> NationalTrivselReference? {
        guard let path else { return nil }
        do {
            return try NationalTrivselReference.load(path: path, indicators: indicators)
        } catch {
            sink.warning("\(error) National figures are not shown.")
            return nil
        }
    }
}
