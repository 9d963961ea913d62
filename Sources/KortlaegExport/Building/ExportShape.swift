/// How rows are laid out.
public enum ExportShape: String, Sendable, CaseIterable {
    /// One row per child; one variable per score and occasion (`pemotion_t1`, `pemotion_t2`).
    case wide
    /// One row per child × occasion × informant; one variable per score.
    case long
}
