import Foundation

/// Writes an ``ExportDataset`` as an SPSS `.sav` or Stata `.dta` file through ReadStat.
///
/// Value labels are written as int32 label sets (Stata's only kind); declared missing values
/// become SPSS user-missing values (at most 3) or Stata extended missing values `.a`, `.b`, ….
/// Variable labels are cut to 80 bytes for Stata and value labels to 120 bytes for SPSS.
public enum StatisticalFileWriter {
    /// Writes `dataset` to `path`.
    /// - Parameters:
    ///   - timestamp: the creation time stored in the file header.
    /// - Throws: ``ExportError`` (invalid names, CPR-shaped values, ReadStat or file errors).
    ///   On error the partial file is removed.
    public static func write(_ dataset: ExportDataset, to path: String, format: StatisticalFormat, timestamp: Date = Date()) throws {
        try dataset.validate()
        do {
            let writer = try ReadStatWriter(path: path, format: format)
            try writer.write(dataset, timestamp: timestamp)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
