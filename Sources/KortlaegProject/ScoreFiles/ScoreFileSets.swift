import KortlaegDomain
import KortlaegProgress
import KortlaegReaders

/// Score files read for two occasions, several files per occasion (one per site, say): the files
/// of an occasion are read as one, their children known by site and id
/// (``ScoreFileContents/Row/childKey``).
struct ScoreFileSets {
    /// The earlier occasion's files, merged.
    let before: ScoreFileContents
    /// The later occasion's files, merged.
    let after: ScoreFileContents
    /// What a reader must know: files per occasion, their sites, files without a site column.
    let notes: [ProgressNote]

    /// Merges each occasion's files (path, contents; at least one each), in the order given.
    init(earlier: [(String, ScoreFileContents)], later: [(String, ScoreFileContents)], from: String = "T1", to: String = "T2") {
        before = Self.merge(earlier.map(\.1))
        after = Self.merge(later.map(\.1))
        notes = Self.notes([(from, earlier), (to, later)])
    }

    /// What a reader must know about the files of each occasion (code, its files as path and
    /// contents): files and sites per occasion, the rows whose child occurs more than once at an
    /// occasion (within one file or across its files) with file and row, and files without a site
    /// column among files with one.
    static func notes(_ occasions: [(code: String, files: [(String, ScoreFileContents)])]) -> [ProgressNote] {
        var notes: [ProgressNote] = []
        for (occasion, files) in occasions where files.count > 1 || files.contains(where: { $0.1.siteColumn != nil }) {
            let sites = Set(files.flatMap { $0.1.rows.compactMap(\.site) })
            notes.append(.scoreFiles(occasion: occasion, files: files.count, rows: files.map { $0.1.rows.count }.reduce(0, +),
                                     sites: sites.sorted()))
        }
        for (occasion, files) in occasions {
            if let note = duplicateRows(occasion: occasion, files: files) { notes.append(note) }
        }
        // A file without a site column next to files with one: its ids are not site-qualified and
        // cannot pair with a tagged file's.
        let all = occasions.flatMap(\.files)
        if all.contains(where: { $0.1.siteColumn != nil }) {
            let untagged = all.filter { $0.1.siteColumn == nil }.map(\.0)
            if !untagged.isEmpty { notes.append(.filesWithoutSite(files: untagged)) }
        }
        return notes
    }

    /// The rows of one occasion's files (not rejected) whose child (``ScoreFileContents/Row/childKey``)
    /// occurs more than once, with file and row, in file order; nil when every child occurs once.
    /// These are the rows the analysis leaves out as duplicates.
    static func duplicateRows(occasion: String, files: [(String, ScoreFileContents)]) -> ProgressNote? {
        // Counted first (one number per child); locations are gathered only for repeated children.
        var counts: [String: Int] = [:]
        var repeatedAny = false
        for (_, contents) in files {
            counts.reserveCapacity(counts.count + contents.rows.count)
            for index in contents.rows.indices where contents.rows[index].status != .rejected {
                let key = contents.rows[index].childKey
                counts[key, default: 0] += 1
                if counts[key]! > 1 { repeatedAny = true }
            }
        }
        guard repeatedAny else { return nil }
        var rowsOf: [String: [ProgressNote.RowLocation]] = [:]
        var order: [String] = []
        for (path, contents) in files {
            for index in contents.rows.indices where contents.rows[index].status != .rejected {
                let key = contents.rows[index].childKey
                guard counts[key, default: 0] > 1 else { continue }
                if rowsOf[key] == nil { order.append(key) }
                rowsOf[key, default: []].append(ProgressNote.RowLocation(file: path, row: contents.rows[index].number))
            }
        }
        let repeated = order.compactMap { rowsOf[$0] }
        return repeated.isEmpty ? nil : .duplicateRows(occasion: occasion, children: repeated)
    }

    /// Whether `by` names a grouping some file can give: a kept column, or the site.
    func canGroup(by name: String) -> Bool {
        if Self.isSite(name) { return before.siteColumn != nil || after.siteColumn != nil }
        return before.attributeColumns.contains(name) || after.attributeColumns.contains(name)
    }

    /// The kept columns of every file, in first-seen order.
    var attributeColumns: [String] {
        var seen: Set<String> = []
        return (before.attributeColumns + after.attributeColumns).filter { seen.insert($0).inserted }
    }

    /// Whether `name` asks for the site (`site` or one of its header names).
    static func isSite(_ name: String) -> Bool {
        SiteName.headers.contains(name.lowercased())
    }

    /// The rows of `files` (at least one) as one file: attribute columns in first-seen order, the
    /// first site column's name.
    static func merge(_ files: [ScoreFileContents]) -> ScoreFileContents {
        precondition(!files.isEmpty, "an occasion needs at least one score file")
        var merged = files[0]
        var seen = Set(merged.attributeColumns)
        for file in files.dropFirst() {
            merged.rows += file.rows
            for column in file.attributeColumns where seen.insert(column).inserted { merged.attributeColumns.append(column) }
            if merged.siteColumn == nil { merged.siteColumn = file.siteColumn }
        }
        return merged
    }
}
