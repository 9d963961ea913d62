import Foundation
import KortlaegDomain

/// What `kortlaeg report` (or a web page) asks for: a child or class report from a project or
/// from score files.
public struct ReportRequest: Sendable {
    /// Where the data come from.
    public enum Source: Sendable {
        /// A project store (`--project`); every report is recorded in its audit log.
        case project(String)
        /// Files written by `kortlaeg score`, one per occasion (and informant); `idColumn` names
        /// their id column (default: the first column).
        case scoreFiles([ScoreFileInput], idColumn: String?)
    }

    /// Whom the report is about.
    public enum Subject: Sendable {
        /// One child: its own id (with a project also its pseudonym or the pseudonym's first 8+
        /// characters). `label` names the child in the heading (default: with a project a short
        /// pseudonym, else the id).
        case child(String, label: String?)
        /// A class: with a project its stored name, optionally only at `school`; from score files
        /// the heading (every row of the files is in the class).
        case group(String, school: String?)
    }

    /// Who reads a child report.
    public enum Audience: String, Sendable, CaseIterable {
        /// PPR staff: every score with its number and band, the charts, the instruments and versions.
        case staff
        /// The child's parents: plain Danish, strengths first, the scores in words, one or two A4 pages.
        case parent
    }

    /// Where the data come from.
    public var source: Source
    /// Whom the report is about.
    public var subject: Subject
    /// The instrument files (sections, labels and bands; the stored instrument versions).
    public var catalog: InstrumentCatalog
    /// The report's language (Danish by default).
    public var language: Language
    /// The band table to draw (default: each instrument's first).
    public var bandTable: String?
    /// The HTML file to write; nil = the page is only returned (e.g. for standard output).
    public var output: String?
    /// Who asks, for the audit log.
    public var `operator`: String
    /// The date the report says it was written.
    public var date: Date
    /// Where a page that is only returned (``output`` nil) goes, for the audit log (`stdout`; the
    /// web server says `the browser`).
    public var shownIn = "stdout"
    /// Who reads a child report (a class report is for staff).
    public var audience: Audience = .staff
    /// Record a page that is only returned as the `view` audit action (a page shown in the browser)
    /// rather than `report`.
    public var recordAsView = false
    /// The national trivselsmåling figures shown beside a class's stored results (nil: none).
    public var trivselReference: String?

    /// Creates a request.
    public init(source: Source, subject: Subject, catalog: InstrumentCatalog, language: Language = .danish,
                bandTable: String? = nil, output: String? = nil, operator: String, date: Date = Date()) {
        self.source = source
        self.subject = subject
        self.catalog = catalog
        self.language = language
        self.bandTable = bandTable
        self.output = output
        self.operator = `operator`
        self.date = date
    }
}

/// A written report.
public struct ReportResult: Sendable {
    /// The page.
    public var html: String
    /// The file written, when the request named one.
    public var output: String?
    /// The audit log entry made (reports from a project); it names the child by pseudonym only.
    public var auditSummary: String?
}
