import KortlaegDomain

/// A band column of the output: the score it bands and its bands with their labels.
struct BandColumn {
    var score: Int
    var bands: [(band: BandTable.Band, label: String)]
}

/// Band columns side by side that band the same score.
struct BandGroup {
    var score: Int
    var firstColumn: Int
    var columns: Int
}

/// The output fields a score run writes again and again, encoded once through the writer's
/// field encoder into one byte array: statuses, whole-number scores and band labels; and the
/// band columns' cuts in one flat array. Read per row through ``fields`` (pointers into memory
/// this object owns: no closure and no reference counting per row).
final class EncodedFields: @unchecked Sendable {
    // Immutable after init; freed in deinit.
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let spans: UnsafeMutableBufferPointer<Range<Int>>
    private let firstBand: UnsafeMutableBufferPointer<Int>
    private let bandedScore: UnsafeMutableBufferPointer<Int>
    private let cuts: UnsafeMutableBufferPointer<BandTable.Cut>
    private let groups: UnsafeMutableBufferPointer<BandGroup>
    /// A view of the fields, valid as long as this object lives.
    let fields: Fields
    fileprivate static let firstWholeNumber = 3
    fileprivate static let firstLabel = 3 + 1024
    /// Whole scores from 0 to this (excluded) find their band in a table, not by testing cuts.
    fileprivate static let wholeBandValues = 64

    /// The longest encoded status (with its delimiter).
    let longestStatus: Int
    /// Per band column, its longest encoded label (with its delimiter).
    let longestLabels: [Int]
    /// The longest a score is encoded (``formatScore(_:)``: up to 17 digits, a sign, a point and an
    /// exponent, never quoted), with room to spare.
    static let longestNumber = 40

    init(writer: CSVWriter, bandColumns: [BandColumn]) {
        // Every field is stored with the delimiter before it (a score, band or status never
        // starts a row), so a row writes each with one copy.
        var storage: [UInt8] = []
        var spans: [Range<Int>] = []
        func add(_ text: String) {
            let start = storage.count
            storage.append(writer.delimiterByte)
            storage.append(contentsOf: writer.encodedField(text))
            spans.append(start..<storage.count)
        }
        for status in [ScoreFileFormat.Status.complete, .incomplete, .rejected] { add(status.rawValue) }
        for value in 0..<1024 { add(formatScore(Double(value))) }
        var firstBand: [Int] = []
        var longestLabels: [Int] = []
        for column in bandColumns {
            firstBand.append(spans.count - Self.firstLabel)
            for band in column.bands { add(band.label) }
            longestLabels.append(spans[(Self.firstLabel + firstBand.last!)...].map(\.count).max() ?? 0)
        }
        firstBand.append(spans.count - Self.firstLabel)
        func owned<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
            let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
            _ = memory.initialize(from: array)
            return UnsafeMutableBufferPointer(rebasing: memory[..<array.count])
        }
        self.firstBand = owned(firstBand)
        bandedScore = owned(bandColumns.map(\.score))
        let cuts = bandColumns.flatMap { $0.bands.map(\.band.cut) }
        self.cuts = owned(cuts)
        // Per band column and whole score, the first band holding it (what `label` finds by
        // testing the cuts in order), or -1.
        var wholeBands: [Int32] = []
        for column in bandColumns.indices {
            let bands = firstBand[column]..<firstBand[column + 1]
            for value in 0..<Self.wholeBandValues {
                let band = bands.first { cuts[$0].contains(Double(value)) }
                wholeBands.append(band.map { Int32($0 - bands.lowerBound) } ?? -1)
            }
        }
        // Band columns of one score side by side (pemotion_band3, pemotion_band4) form a group;
        // per group and whole score, its labels joined as they are written: one copy per group.
        var groups: [BandGroup] = []
        for (column, entry) in bandColumns.enumerated() {
            if let last = groups.last, last.score == entry.score, last.firstColumn + last.columns == column {
                groups[groups.count - 1].columns += 1
            } else {
                groups.append(BandGroup(score: entry.score, firstColumn: column, columns: 1))
            }
        }
        let firstJoined = spans.count
        for group in groups {
            for value in 0..<Self.wholeBandValues {
                let start = storage.count
                for column in group.firstColumn..<group.firstColumn + group.columns {
                    storage.append(writer.delimiterByte)
                    let band = wholeBands[column * Self.wholeBandValues + value]
                    if band >= 0 { storage.append(contentsOf: storage[spans[Self.firstLabel + firstBand[column] + Int(band)]].dropFirst()) }
                }
                spans.append(start..<storage.count)
            }
        }
        self.groups = owned(groups)
        longestStatus = spans[0..<Self.firstWholeNumber].map(\.count).max() ?? 0
        self.longestLabels = longestLabels
        // Room to read a word past the last field (``CSVRecordEncoder/Record/appendPrefixed(_:fields:)``
        // copies whole words).
        storage.append(contentsOf: repeatElement(0, count: CSVRecordEncoder.Record.slack))
        self.storage = owned(storage)
        self.spans = owned(spans)
        fields = Fields(storage: UnsafeBufferPointer(self.storage), spans: UnsafeBufferPointer(self.spans),
                        firstBand: UnsafeBufferPointer(self.firstBand), bandedScore: UnsafeBufferPointer(bandedScore),
                        cuts: UnsafeBufferPointer(self.cuts),
                        groups: UnsafeBufferPointer(self.groups), firstJoined: firstJoined,
                        delimiter: writer.delimiterByte, cells: writer.cellPolicy)
    }

    deinit {
        for memory in [UnsafeMutableRawPointer(storage.baseAddress), UnsafeMutableRawPointer(spans.baseAddress),
                       UnsafeMutableRawPointer(firstBand.baseAddress), UnsafeMutableRawPointer(bandedScore.baseAddress),
                       UnsafeMutableRawPointer(cuts.baseAddress), UnsafeMutableRawPointer(groups.baseAddress)] {
            memory?.deallocate()
        }
    }

    /// A view of the encoded fields (pointers into the ``EncodedFields`` that made it).
    struct Fields {
        let storage: UnsafeBufferPointer<UInt8>
        let spans: UnsafeBufferPointer<Range<Int>>
        let firstBand: UnsafeBufferPointer<Int>
        let bandedScore: UnsafeBufferPointer<Int>
        let cuts: UnsafeBufferPointer<BandTable.Cut>
        let groups: UnsafeBufferPointer<BandGroup>
        /// The index in `spans` of the first group's joined labels (``joinedLabels(_:whole:)``).
        let firstJoined: Int
        let delimiter: UInt8
        let cells: CSVCellPolicy

        private func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: storage[spans[index]])
        }

        /// `text` encoded as one field of this output.
        func encodedField(_ text: String) -> [UInt8] {
            CSVWriter.encodedField(text, delimiter: delimiter, cells: cells)
        }

        func status(_ status: ScoreFileFormat.Status) -> UnsafeBufferPointer<UInt8> {
            switch status {
            case .complete: field(0)
            case .incomplete: field(1)
            case .rejected: field(2)
            }
        }

        /// The number of band columns.
        var bandColumns: Int { bandedScore.count }

        /// The score (output index) band column `column` bands.
        func score(ofBandColumn column: Int) -> Int { bandedScore[column] }

        /// The encoded label of the band of band column `column` holding `value`, or nil (in no band).
        /// (Whole scores from 0 to 63 take ``joinedLabels(_:whole:)``.)
        func label(_ column: Int, for value: Double) -> UnsafeBufferPointer<UInt8>? {
            for band in firstBand[column]..<firstBand[column + 1] where cuts[band].contains(value) {
                return field(EncodedFields.firstLabel + band)
            }
            return nil
        }

        /// The groups of band columns, in column order.
        var bandGroups: UnsafeBufferPointer<BandGroup> { groups }

        /// The labels of every band column of group `group` for a whole score (`whole`, from
        /// ``wholeIndex(of:)``), joined by delimiters as they are written; nil when it is not one
        /// from 0 to 63.
        @inline(__always) func joinedLabels(_ group: Int, whole: Int) -> UnsafeBufferPointer<UInt8>? {
            guard whole >= 0, whole < EncodedFields.wholeBandValues else { return nil }
            return field(firstJoined + group * EncodedFields.wholeBandValues + whole)
        }

        /// `value` as an index of the encoded whole numbers (it is one from 0 to 1023), or -1.
        @inline(__always) static func wholeIndex(of value: Double) -> Int {
            guard value >= 0, value < 1024 else { return -1 }
            let whole = Int(value)
            return Double(whole) == value ? whole : -1
        }

        /// The encoded whole number at `index` (from ``wholeIndex(of:)``, not -1).
        @inline(__always) func wholeNumber(at index: Int) -> UnsafeBufferPointer<UInt8> {
            field(EncodedFields.firstWholeNumber + index)
        }
    }
}
