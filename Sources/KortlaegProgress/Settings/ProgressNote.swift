import KortlaegDomain

/// Something a reader of a progress analysis must know about how it was made: which bands were
/// used, which instrument versions were paired, what was left out.
///
/// A value, not a text: renderers word it in the report's language.
public enum ProgressNote: Hashable, Sendable {
    /// Transitions and the cut-off use this band table (of this norm set); the cut-off is this band level.
    case bands(table: String, normSet: LocalizedText, cutoffLevel: Int)
    /// Stored responses collected with other versions of the instrument were paired with `target`
    /// through the scores they declare equivalent.
    case otherVersions(instrument: String, versions: [String], target: String)
    /// Stored scores without an equivalent in `target`, left out.
    case uncomparableScores(count: Int, target: String)
    /// The later occasion was scored with another instrument, paired with `target` through declared equivalences.
    case otherInstrument(occasion: String, instrument: String, target: String)
    /// Rows with status `rejected` left out at the earlier and the later occasion.
    case rejectedRows(from: String, before: Int, to: String, after: Int)
    /// The RCI's reliability of `variable` is Cronbach's alpha of its `items` items over `n`
    /// complete responses at `occasion`, with Feldt's 95 % interval; `byDefault` when the tool chose
    /// it (project with at least 50 complete responses) rather than `--reliability sample`.
    case sampleAlpha(variable: String, occasion: String, alpha: Double, n: Int, items: Int, lower: Double, upper: Double, byDefault: Bool)
    /// `variable` has no item-level alpha (impact, a derived mean, too few complete cases): no RCI.
    case noSampleAlpha(variable: String, occasion: String)
    /// An occasion's scores come from `files` score files with `rows` rows in all, tagged with
    /// these sites (empty: no site column); a child is known by site and id.
    case scoreFiles(occasion: String, files: Int, rows: Int, sites: [String])
    /// Score files without a site column among files with one: their ids carry no site and pair
    /// only with other untagged files.
    case filesWithoutSite(files: [String])
    /// Children whose id occurs more than once at `occasion` (within one score file or across the
    /// files of the occasion; one instrument is one informant): each child's rows, by file and row
    /// (1 = the first data row). They are duplicates: counted, not paired. The ids are not repeated.
    case duplicateRows(occasion: String, children: [[RowLocation]])
    /// The RCI's SDs (and reliabilities, when it has them) come from this norm set, chosen with
    /// `--norm-set`; `verified` false when its values are known only from a secondary source.
    case normSet(id: String, source: LocalizedText, verified: Bool)

    /// A row of a score file: its path as given and its row number (1 = the first data row).
    public struct RowLocation: Hashable, Sendable {
        public var file: String
        public var row: Int

        public init(file: String, row: Int) {
            self.file = file
            self.row = row
        }
    }
}
