import KortlaegDomain

/// The file `kortlaeg score` writes and `report`, `export` and `progress` read back.
///
/// One row per input row. The columns, in order: the id (named as in the input), `site` when the
/// rows carry a site tag (``siteColumn``), the columns
/// kept with `--keep` (class, school, sex, …), one column per score named by its official
/// variable (`pemotion`), one per score and band table (`pemotion_band3`, the band's label in the
/// language scored in), and ``statusColumn``. A row whose answers were invalid keeps its place
/// with empty scores and status ``Status/rejected``.
///
/// ``ScoreFileReader`` reads the format; this type is the one place that lays it out.
public enum ScoreFileFormat {
    /// How a row was scored.
    public enum Status: String, Sendable, CaseIterable {
        /// Every score that should be computed was computed.
        case complete
        /// Some scores are missing under the instrument's missing-data rules.
        case incomplete
        /// An answer was invalid; the row carries no scores (see the rejects report).
        case rejected
    }

    /// The name of the last column.
    public static let statusColumn = "status"

    /// The name of the site column (`score --site`, or the input's site column), right after the
    /// id. With it a child is identified by site and id (docs/decisions/sites.md).
    public static let siteColumn = "site"

    /// The header of a score file of `scorer`'s instrument.
    /// - Parameters:
    ///   - idName: the id column's name, as in the input file.
    ///   - keptColumns: input columns copied after the id.
    public static func header(scorer: Scorer, bands: BandLookup, idName: String, keptColumns: [String] = []) -> [String] {
        var header = [idName] + keptColumns + scorer.scores.map(\.variable)
        for score in scorer.scores {
            for table in bands.tables where table.scores[score.id] != nil {
                header.append(bandColumn(variable: score.variable, table: table))
            }
        }
        return header + [statusColumn]
    }

    /// The name of the band column of a score in a band table: `<variable>_<columnSuffix>`.
    public static func bandColumn(variable: String, table: BandTable) -> String {
        "\(variable)_\(table.columnSuffix)"
    }
}
