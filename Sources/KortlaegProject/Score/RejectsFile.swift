import Foundation

/// Where a rejects report goes when none is named: next to the output, `OUTPUT-rejects.csv`.
enum RejectsFile {
    /// `scores.csv` → `scores-rejects.csv` in the same folder.
    static func defaultPath(for output: String) -> String {
        let url = URL(fileURLWithPath: output)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base)-rejects.csv").path
    }
}
