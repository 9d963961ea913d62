/// The statistics-package file formats written through ReadStat.
public enum StatisticalFormat: String, Sendable, CaseIterable {
    /// SPSS system file (`.sav`).
    case sav
    /// Stata dataset (`.dta`, format 118 — Stata 14 and later, UTF-8).
    case dta

    /// The file extension.
    public var fileExtension: String { rawValue }
}
