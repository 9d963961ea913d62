/// The output format of `kortlaeg export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    case sav, dta, csv
    /// Only the codebooks (DDI, Markdown, HTML) and the manifest, no data file.
    case ddi
}
