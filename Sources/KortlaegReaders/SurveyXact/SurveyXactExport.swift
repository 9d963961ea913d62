import Foundation

/// The three files of one SurveyXact export: `dataset…csv` (one row per respondent),
/// `structure…csv` (variables and questions) and `labels…csv` (value labels, no header).
public struct SurveyXactExport: Sendable, Equatable {
    /// The dataset file.
    public var dataset: String
    /// The structure file.
    public var structure: String
    /// The labels file.
    public var labels: String

    /// Creates an export from its three paths.
    public init(dataset: String, structure: String, labels: String) {
        self.dataset = dataset
        self.structure = structure
        self.labels = labels
    }

    /// Finds the export a file belongs to: the file must be named `dataset*.csv`, `structure*.csv`
    /// or `labels*.csv`, with the other two in the same folder.
    /// - Returns: nil when `path` is not part of a complete export.
    public static func locate(_ path: String) -> SurveyXactExport? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard role(of: url.lastPathComponent) != nil,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return nil }
        func find(_ wanted: String) -> String? {
            names.sorted().first { role(of: $0) == wanted }.map { folder.appendingPathComponent($0).path }
        }
        guard let dataset = find("dataset"), let structure = find("structure"), let labels = find("labels") else { return nil }
        return SurveyXactExport(dataset: dataset, structure: structure, labels: labels)
    }

    /// `dataset`, `structure` or `labels` for a SurveyXact file name, else nil.
    static func role(of name: String) -> String? {
        let lowered = name.lowercased()
        guard lowered.hasSuffix(".csv") else { return nil }
        return ["dataset", "structure", "labels"].first { lowered.hasPrefix($0) }
    }
}
