import Foundation
import KortlaegDomain

/// Builds an ``ExportDataset`` from scored responses: variables with labels, value labels and
/// missing declarations for an instrument's scores, bands, change and RCI, in wide or long shape.
///
/// Ids are pseudonymised here; rows are sorted by pseudonym (never by raw id, whose order could
/// reveal birth dates when ids are CPR numbers). Free-text items are left out unless asked for.
public struct DatasetBuilder {
    /// Computes the RCI for a score between the first and last occasion, or nil when it cannot.
    public typealias ReliableChangeFunction = @Sendable (_ instrument: Instrument, _ scoreID: String, _ first: Double, _ last: Double) -> Double?
    /// The RCI of one child (whose attributes may choose the SD, as norm SDs by sex do); with nil
    /// attributes the RCI of largest size any child could get for that change (its SD the
    /// smallest), which sets the range the missing-value codes stay outside of.
    public typealias ChildReliableChangeFunction = @Sendable (_ instrument: Instrument, _ scoreID: String, _ first: Double, _ last: Double,
                                                              _ child: ChildAttributes?) -> Double?

    private let sources: [ExportSource]
    private let options: ExportOptions
    private let pseudonymizer: Pseudonymizer
    private let reliableChange: ChildReliableChangeFunction?

    /// Creates a builder.
    /// - Parameters:
    ///   - reliableChange: the RCI function; nil uses ``ReliableChange`` with the instrument's norm set.
    public init(sources: [ExportSource], options: ExportOptions, pseudonymizer: Pseudonymizer,
                reliableChange: ReliableChangeFunction? = nil) {
        self.sources = sources
        self.options = options
        self.pseudonymizer = pseudonymizer
        if let reliableChange {
            let childAware: ChildReliableChangeFunction = { instrument, scoreID, first, last, _ in
                reliableChange(instrument, scoreID, first, last)
            }
            self.reliableChange = childAware
        } else {
            self.reliableChange = nil
        }
    }

    /// Creates a builder whose RCI may depend on the child (norm SDs by sex).
    public init(sources: [ExportSource], options: ExportOptions, pseudonymizer: Pseudonymizer,
                childReliableChange: @escaping ChildReliableChangeFunction) {
        self.sources = sources
        self.options = options
        self.pseudonymizer = pseudonymizer
        self.reliableChange = childReliableChange
    }

    private var language: Language { options.language }
    private var da: Bool { language == .danish }

    /// Builds the dataset.
    /// - Throws: ``ExportError`` for duplicate responses, invalid names or scoring definitions.
    public func build() throws -> ExportDataset {
        let dataset: ExportDataset
        switch options.shape {
        case .wide: dataset = try buildWide()
        case .long: dataset = try buildLong()
        }
        try dataset.validate()
        var labelled = dataset
        labelled.fileLabel = fileLabel(bytes: 64)
        return labelled
    }

    // MARK: - Shared pieces

    struct ScoreColumn {
        let definition: ScoreDefinition
        let tables: [BandTable]
    }

    /// The RCI of one score of an instrument for a child (nil: the extreme over children), or nil
    /// when it cannot be computed.
    private func rciFunction(_ instrument: Instrument) -> (_ scoreID: String, _ first: Double, _ last: Double, _ child: ChildAttributes?) -> Double? {
        if let reliableChange { return { reliableChange(instrument, $0, $1, $2, $3) } }
        let norms = ReliableChange(instrument: instrument)
        return { scoreID, first, last, _ in norms.index(scoreID: scoreID, first: first, last: last) }
    }

    /// The smallest RCI a score can take (the change from its maximum to its minimum), or nil
    /// when no RCI can be computed for it.
    private static func smallestRCI(_ range: ScoreRange, scoreID: String,
                                    rci: (String, Double, Double, ChildAttributes?) -> Double?) -> Double? {
        let down = rci(scoreID, range.maximum, range.minimum, nil)
        let up = rci(scoreID, range.minimum, range.maximum, nil)
        guard let down, let up, down.isFinite, up.isFinite else { return nil }
        return min(down, up)
    }

    private func scoreColumns(_ source: ExportSource) throws -> [ScoreColumn] {
        let scorer: Scorer
        do {
            scorer = try Scorer(instrument: source.instrument,
                                options: ScoringOptions(ruleChoices: source.ruleChoices, includeUnverifiedScores: true))
        } catch {
            throw ExportError.input(file: source.instrument.reference.description, reason: "\(error)")
        }
        let present = Set(source.responses.flatMap { $0.scores.filter { $0.value != nil }.keys })
        return scorer.scores.filter { $0.verified || present.contains($0.id) }.map { definition in
            ScoreColumn(definition: definition,
                        tables: (source.instrument.bandTables ?? []).filter { $0.scores[definition.id] != nil })
        }
    }

    private func exportedItems(_ instrument: Instrument) -> [Item] {
        guard options.includeItems else { return [] }
        let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return instrument.items.filter { item in
            let personal = item.personalData == true || scales[item.answerScale]?.kind == .text
            return !personal || options.includePersonalData
        }
    }

    private func bandLabels(_ table: BandTable, scoreID: String, instrument: Instrument) -> [Int: String] {
        let lookup = BandLookup(instrument: instrument)
        var labels: [Int: String] = [:]
        for band in table.scores[scoreID]?.bands ?? [] { labels[band.level] = lookup.label(of: band, language: language) }
        return labels
    }

    private func bandCodes(_ table: BandTable, scoreID: String) -> MissingReasons {
        MissingReasons(below: (table.scores[scoreID]?.bands ?? []).map { Double($0.level) }.min(), language: language)
    }

    /// The band level of a score among `bands` (one table's bands of that score).
    private static func bandValue(_ bands: [BandTable.Band], score: Double??, codes: MissingReasons.Numbers) -> ExportValue {
        guard let score else { return .declaredMissing(codes.noResponse) }
        guard let score else { return .declaredMissing(codes.notComputed) }
        guard let band = bands.first(where: { $0.contains(score) }) else { return .declaredMissing(codes.notComputed) }
        return .number(Double(band.level))
    }

    private func bandValue(_ table: BandTable, scoreID: String, score: Double??, instrument: Instrument, codes: MissingReasons) -> ExportValue {
        Self.bandValue(table.scores[scoreID]?.bands ?? [], score: score, codes: codes.numbers)
    }

    private func itemVariable(_ item: Item, instrument: Instrument, name: String, suffix: String, responses: [ExportResponse]) -> ExportVariable {
        let scale = instrument.answerScales.first { $0.id == item.answerScale }
        var missing = itemCodes(item, instrument: instrument).codes
        var tag = UnicodeScalar("c")
        for code in scale?.missingCodes ?? [] {
            missing.append(ExportMissingCode(code: code.code, tag: Character(tag), label: code.label.text(language)))
            tag = UnicodeScalar(tag.value + 1)!
        }
        let label = item.label.text(language) + suffix
        switch scale?.kind {
        case .text?, .date?:
            let width = responses.compactMap { $0.answers[item.id].flatMap(Self.text) }.map(\.utf8.count).max() ?? 1
            return ExportVariable(name: name, label: label, type: .string(width: max(1, width)), measure: .nominal,
                                  personalData: item.personalData == true || scale?.kind == .text)
        case .number?:
            return ExportVariable(name: name, label: label, missingCodes: missing, measure: .scale, decimals: 2)
        default:
            var labels: [Int: String] = [:]
            for code in scale?.codes ?? [] { labels[code.code] = code.label.text(language) }
            return ExportVariable(name: name, label: label, valueLabels: labels, missingCodes: missing,
                                  measure: scale?.kind == .ordinal ? .ordinal : .nominal)
        }
    }

    /// The reason codes of an item: below the smallest code of its answer scale (numbers: -9/-8).
    private func itemCodes(_ item: Item, instrument: Instrument) -> MissingReasons {
        let scale = instrument.answerScales.first { $0.id == item.answerScale }
        let smallest = ((scale?.codes ?? []) + (scale?.missingCodes ?? [])).map { Double($0.code) }.min()
        return MissingReasons(below: smallest, language: language)
    }

    private func itemValue(_ item: Item, response: ExportResponse?, variable: ExportVariable) -> ExportValue {
        // The first two declared codes are always "not answered" (a) and "no response" (b).
        let notComputed = variable.missingCodes.first?.code ?? -9
        let noResponse = variable.missingCodes.dropFirst().first?.code ?? -8
        guard let response else { return variable.isNumeric ? .declaredMissing(noResponse) : .missing }
        guard let answer = response.answers[item.id] else { return variable.isNumeric ? .declaredMissing(notComputed) : .missing }
        switch answer {
        case let .code(code):
            if variable.missingCodes.dropFirst(2).contains(where: { $0.code == code }) { return .declaredMissing(code) }
            return variable.isNumeric ? .number(Double(code)) : .text(String(code))
        case let .number(number): return variable.isNumeric ? .number(number) : .text(String(number))
        case let .text(text): return variable.isNumeric ? .declaredMissing(notComputed) : .text(text)
        }
    }

    /// Whether the items of `source` get reason variables: when items are exported and some
    /// response answered an item with a source missing code (the reason would otherwise always
    /// be "answered" or "empty", which the item variable already says).
    private static func carriesReasons(_ source: ExportSource) -> Bool {
        source.responses.contains { !$0.missingReasons.isEmpty }
    }

    private static func text(_ answer: AnswerValue) -> String? {
        switch answer {
        case let .text(text): text
        case let .code(code): String(code)
        case let .number(number): String(number)
        }
    }

    private func scoreCodes(_ column: ScoreColumn) -> MissingReasons {
        MissingReasons(below: column.definition.range.minimum, language: language)
    }

    private func scoreVariable(_ column: ScoreColumn, name: String, suffix: String) -> ExportVariable {
        let range = column.definition.range
        return ExportVariable(name: name, label: column.definition.label.text(language) + suffix,
                              missingCodes: scoreCodes(column).codes,
                              measure: .scale, decimals: range.integer ? 0 : 2, validRange: range.minimum...range.maximum)
    }

    private func idVariable() -> ExportVariable {
        ExportVariable(name: "id", label: da ? "Pseudonymt barn-id" : "Pseudonymous child id", type: .string(width: 19), measure: .nominal)
    }

    // MARK: - Wide

    private func buildWide() throws -> ExportDataset {
        var variables = [idVariable()]
        let covariates = Covariates(sources: sources)
        for field in covariates.fields {
            variables.append(covariates.variable(field, width: Covariates.width(field, sources: sources), language: language))
        }
        for kept in covariates.kept { variables.append(kept.variable(sources: sources, language: language)) }
        // Children by number (in the order first met), each with one slot per source and occasion:
        // a row reads its responses by position, not through dictionaries per child.
        var childNumber: [String: Int] = [:]  // pseudonym → child number
        var pseudonyms: [String] = []
        var childKept: [[String: String]] = []  // child → kept column → first value given
        var childAttributes: [ChildAttributes] = []  // child → first attributes given, per field
        var slotStart: [Int] = []  // source → its first slot in a child's block
        var slotsSoFar = 0
        for source in sources {
            slotStart.append(slotsSoFar)
            slotsSoFar += source.occasions.count
        }
        let slotCount = slotsSoFar
        // child × slotCount + slotStart[source] + occasion position → the index of the response in
        // its source's responses, or -1 (an index, not a copy: copying a response retains all of it).
        var slots: [Int32] = []
        var unlisted: Set<String> = []  // responses at an occasion the source does not list (not exported; checked for doubles)
        // Per source: a closure that appends the values of one child from its block of slots.
        var appenders: [(_ slots: [Int32], _ base: Int, _ attributes: ChildAttributes, _ row: inout [ExportValue]) -> Void] = []

        for (sourceIndex, source) in sources.enumerated() {
            let instrument = source.instrument
            var occasionPosition: [String: Int] = [:]
            for (position, occasion) in source.occasions.enumerated() where occasionPosition[occasion] == nil {
                occasionPosition[occasion] = position
            }
            // The pseudonyms (an HMAC each) on every core, in response order.
            let responses = source.responses, pseudonymizer = self.pseudonymizer
            let responsePseudonyms = orderedConcurrentMap(count: responses.count) { pseudonymizer.pseudonym(for: responses[$0].childID) }
            for responseIndex in responses.indices {
                let pseudonym = responsePseudonyms[responseIndex]
                let child: Int
                if let known = childNumber[pseudonym] {
                    child = known
                } else {
                    child = pseudonyms.count
                    childNumber[pseudonym] = child
                    pseudonyms.append(pseudonym)
                    childKept.append([:])
                    childAttributes.append(ChildAttributes())
                    slots.append(contentsOf: repeatElement(-1, count: slotCount))
                }
                let taken: Bool
                let occasion = responses[responseIndex].occasion
                if let position = occasionPosition[occasion] {
                    let slot = child * slotCount + slotStart[sourceIndex] + position
                    taken = slots[slot] >= 0
                    if !taken { slots[slot] = Int32(responseIndex) }
                } else {
                    taken = !unlisted.insert("\(child)|\(sourceIndex)|\(occasion)").inserted
                }
                if taken {
                    throw ExportError.input(file: instrument.reference.description,
                                            reason: "a child has two responses at occasion \(occasion); keep one per child and occasion.")
                }
                let given = responses[responseIndex].attributes
                if childAttributes[child].className == nil { childAttributes[child].className = given.className }
                if childAttributes[child].school == nil { childAttributes[child].school = given.school }
                if childAttributes[child].sex == nil { childAttributes[child].sex = given.sex }
                if childAttributes[child].birthYear == nil { childAttributes[child].birthYear = given.birthYear }
                if childAttributes[child].site == nil { childAttributes[child].site = given.site }
                for (column, value) in responses[responseIndex].covariates where !value.isEmpty && childKept[child][column] == nil {
                    childKept[child][column] = value
                }
            }
            // Per occasion: the response's date (when dates are known) and status.
            let prefix = Covariates.prefix(instrument)
            for occasion in source.occasions {
                if covariates.hasDates {
                    variables.append(Covariates.dateVariable(name: "\(prefix)_date_\(occasion.lowercased())",
                                                             label: "\(instrument.title.text(language)) (\(occasion)): " + (da ? "besvarelsesdato" : "response date")))
                }
                variables.append(Covariates.statusVariable(name: "\(prefix)_status_\(occasion.lowercased())",
                                                           label: "\(instrument.title.text(language)) (\(occasion)): " + (da ? "besvarelsens status" : "response status"),
                                                           language: language))
            }
            let occasions = source.occasions
            let columns = try scoreColumns(source)
            let rci = rciFunction(instrument)
            // Per column: the reason codes of its score, band, change and RCI variables.
            var columnCodes: [(score: MissingReasons, bands: [MissingReasons], change: MissingReasons, rci: MissingReasons)] = []
            for column in columns {
                let range = column.definition.range
                let smallestRCI = Self.smallestRCI(range, scoreID: column.definition.id, rci: rci)
                columnCodes.append((scoreCodes(column), column.tables.map { bandCodes($0, scoreID: column.definition.id) },
                                    MissingReasons(below: MissingReasons.changeRange(of: range).lowerBound, language: language),
                                    MissingReasons(below: smallestRCI, language: language, rci: true)))
            }
            for (columnIndex, column) in columns.enumerated() {
                let codes = columnCodes[columnIndex]
                let id = column.definition.id
                let variable = column.definition.variable
                for occasion in occasions {
                    variables.append(scoreVariable(column, name: "\(variable)_\(occasion.lowercased())", suffix: " (\(occasion))"))
                }
                for (tableIndex, table) in column.tables.enumerated() {
                    for occasion in occasions {
                        variables.append(ExportVariable(
                            name: "\(variable)_\(table.columnSuffix)_\(occasion.lowercased())",
                            label: "\(column.definition.label.text(language)) (\(occasion)), \(da ? "bånd" : "band") \(table.id)",
                            valueLabels: bandLabels(table, scoreID: id, instrument: instrument),
                            missingCodes: codes.bands[tableIndex].codes,
                            measure: .ordinal))
                    }
                }
                if occasions.count >= 2, let first = occasions.first, let last = occasions.last {
                    let range = "\(first)→\(last)"
                    let smallestRCI = Self.smallestRCI(column.definition.range, scoreID: id, rci: rci)
                    variables.append(ExportVariable(
                        name: "\(variable)_chg", label: "\(column.definition.label.text(language)): \(da ? "ændring" : "change") \(range)",
                        missingCodes: codes.change.codes,
                        measure: .scale, decimals: column.definition.range.integer ? 0 : 2,
                        validRange: MissingReasons.changeRange(of: column.definition.range)))
                    variables.append(ExportVariable(
                        name: "\(variable)_rci", label: "\(column.definition.label.text(language)): RCI \(range)",
                        missingCodes: codes.rci.codes,
                        measure: .scale, decimals: 2,
                        validRange: smallestRCI.map { $0...(-$0) }))
                }
            }
            let items = exportedItems(instrument)
            let reasons = Self.carriesReasons(source)
            var itemVariables: [(Item, ExportVariable)] = []
            for item in items {
                for occasion in occasions {
                    let itemVariable = itemVariable(item, instrument: instrument, name: "\(item.variable)_\(occasion.lowercased())",
                                                    suffix: " (\(occasion))", responses: source.responses.filter { $0.occasion == occasion })
                    variables.append(itemVariable)
                    itemVariables.append((item, itemVariable))
                }
                // The reason variables follow the item's, one per occasion (`pworries_mr_t1`).
                if reasons {
                    for occasion in occasions {
                        variables.append(AnswerReason.variable(name: "\(item.variable)_mr_\(occasion.lowercased())",
                                                               itemLabel: item.label.text(language) + " (\(occasion))", language: language))
                    }
                }
            }
            let columnIDs = columns.map(\.definition.id)
            let statusColumns = columns.indices.filter { columns[$0].definition.verified }
            let hasDates = covariates.hasDates
            // Per column and table, the bands of its score, looked up once (not per cell).
            let columnBands: [[[BandTable.Band]]] = columns.map { column in
                column.tables.map { $0.scores[column.definition.id]?.bands ?? [] }
            }
            // The codes a cell needs, as plain numbers (no labels to retain per cell).
            let cellCodes = columnCodes.map { (score: $0.score.numbers, change: $0.change.numbers, rci: $0.rci.numbers) }
            let bandCellCodes = columnCodes.map { $0.bands.map(\.numbers) }
            let first = slotStart[sourceIndex]
            appenders.append { slots, base, attributes, row in
                let start = base + first
                func response(_ slot: Int) -> ExportResponse? { slots[slot] >= 0 ? responses[Int(slots[slot])] : nil }
                // Each occasion's scores in column order, read in one pass over its response's
                // scores (no hashing of a score id per cell): nil = no response, .some(nil) = not
                // computed or not stored.
                // Fields are read from the slots in place: copying a response retains all of it.
                var scores = [Double??](repeating: nil, count: occasions.count * columnIDs.count)
                var present = [Bool](repeating: false, count: occasions.count)
                for position in occasions.indices {
                    let slot = Int(slots[start + position])
                    guard slot >= 0 else { continue }
                    let responseScores = responses[slot].scores
                    present[position] = true
                    let offset = position * columnIDs.count
                    for column in columnIDs.indices { scores[offset + column] = .some(nil) }
                    var guess = 0
                    for (id, value) in responseScores {
                        guard let column = Self.position(of: id, in: columnIDs, from: guess) else { continue }
                        scores[offset + column] = .some(value)
                        guess = column + 1
                    }
                }
                for position in occasions.indices {
                    if hasDates {
                        let slot = Int(slots[start + position])
                        row.append(ExportValue.from(nil).withText(slot >= 0 ? responses[slot].date : nil))
                    }
                    row.append(Covariates.status(present[position], complete: statusColumns.allSatisfy {
                        (scores[position * columnIDs.count + $0] ?? nil) != nil
                    }))
                }
                var values = [Double??](repeating: nil, count: occasions.count)
                for (columnIndex, column) in columns.enumerated() {
                    let id = column.definition.id
                    let codes = cellCodes[columnIndex]
                    for position in occasions.indices { values[position] = scores[position * columnIDs.count + columnIndex] }
                    for value in values {
                        switch value {
                        case nil: row.append(.declaredMissing(codes.score.noResponse))
                        case let .some(score): row.append(score.map(ExportValue.number) ?? .declaredMissing(codes.score.notComputed))
                        }
                    }
                    for tableIndex in column.tables.indices {
                        let bands = columnBands[columnIndex][tableIndex]
                        for value in values {
                            row.append(Self.bandValue(bands, score: value, codes: bandCellCodes[columnIndex][tableIndex]))
                        }
                    }
                    if occasions.count >= 2 {
                        switch (values.first!, values.last!) {
                        case (nil, _), (_, nil):
                            row.append(.declaredMissing(codes.change.noResponse))
                            row.append(.declaredMissing(codes.rci.noResponse))
                        case let (.some(first?), .some(last?)):
                            row.append(.number(last - first))
                            row.append(rci(id, first, last, attributes).map(ExportValue.number)
                                       ?? .declaredMissing(codes.rci.noNorms))
                        default:
                            row.append(.declaredMissing(codes.change.notComputed))
                            row.append(.declaredMissing(codes.rci.notComputed))
                        }
                    }
                }
                var index = 0
                for item in items {
                    for position in occasions.indices {
                        row.append(itemValue(item, response: response(start + position), variable: itemVariables[index].1))
                        index += 1
                    }
                    if reasons {
                        for position in occasions.indices {
                            row.append(AnswerReason.value(item.id, response: response(start + position), language: language))
                        }
                    }
                }
            }
        }

        // Rows in pseudonym order (never the raw ids' order).
        let order = pseudonyms.indices.sorted { pseudonyms[$0] < pseudonyms[$1] }
        let width = variables.count
        let sourceCount = sources.count
        let filled = slots, names = pseudonyms, kept = childKept, attributes = childAttributes
        let makeRow: (Int) -> [ExportValue] = { position in
            let child = order[position]
            var row: [ExportValue] = [.text(names[child])]
            row.reserveCapacity(width)
            for field in covariates.fields { row.append(covariates.value(field, attributes[child])) }
            for column in covariates.kept { row.append(kept[child][column.column].map(ExportValue.text) ?? .missing) }
            for sourceIndex in 0..<sourceCount {
                appenders[sourceIndex](filled, child * slotCount, attributes[child], &row)
            }
            return row
        }
        return ExportDataset(title: title(), variables: variables, rowCount: order.count, notes: notes()) { body in
            // Rows are made a batch ahead on another thread while the writer checks and writes.
            try forEachMadeAhead(count: order.count, make: makeRow, body)
        }
    }

    /// The index of `id` in `ids`, looked for from `guess` on and then from the start (the
    /// scores of a response come in about the same order each time).
    private static func position(of id: String, in ids: [String], from guess: Int) -> Int? {
        for index in guess..<max(guess, ids.count) where ids[index] == id { return index }
        for index in 0..<min(guess, ids.count) where ids[index] == id { return index }
        return nil
    }

    // MARK: - Long

    private func buildLong() throws -> ExportDataset {
        var occasions: [String] = []
        for source in sources { for occasion in source.occasions where !occasions.contains(occasion) { occasions.append(occasion) } }
        var variables = [
            idVariable(),
            ExportVariable(name: "occasion", label: da ? "Måletidspunkt" : "Occasion",
                           valueLabels: Dictionary(uniqueKeysWithValues: occasions.enumerated().map { ($0.offset + 1, $0.element) }),
                           measure: .ordinal),
            ExportVariable(name: "informant", label: da ? "Besvaret af" : "Informant",
                           valueLabels: Dictionary(uniqueKeysWithValues: Informant.allCases.enumerated().map {
                               ($0.offset + 1, da ? $0.element.danishName : $0.element.rawValue)
                           }), measure: .nominal),
            ExportVariable(name: "instrument", label: da ? "Spørgeskema og version" : "Instrument and version",
                           type: .string(width: sources.map { $0.instrument.reference.description.utf8.count }.max() ?? 1), measure: .nominal),
        ]
        // Covariates on every row: the child's class, school, sex, birth year; the response's date and status.
        let covariates = Covariates(sources: sources)
        let covariateStart = variables.count
        for field in covariates.fields {
            variables.append(covariates.variable(field, width: Covariates.width(field, sources: sources), language: language))
        }
        for kept in covariates.kept { variables.append(kept.variable(sources: sources, language: language)) }
        if covariates.hasDates { variables.append(Covariates.dateVariable(name: "date", label: da ? "Besvarelsesdato" : "Response date")) }
        variables.append(Covariates.statusVariable(name: "status", label: da ? "Besvarelsens status" : "Response status", language: language))
        // Union of score columns (by score id) and band columns (by score id and table suffix).
        var scoreIndex: [String: Int] = [:]
        var bandIndex: [String: Int] = [:]
        var itemIndex: [String: Int] = [:]
        var perSource: [(columns: [ScoreColumn], items: [Item])] = []
        for source in sources {
            let columns = try scoreColumns(source)
            for column in columns where scoreIndex[column.definition.id] == nil {
                scoreIndex[column.definition.id] = variables.count
                variables.append(scoreVariable(column, name: column.definition.id, suffix: ""))
            }
            perSource.append((columns, exportedItems(source.instrument)))
        }
        for (sourceIndex, source) in sources.enumerated() {
            for column in perSource[sourceIndex].columns {
                for table in column.tables {
                    let name = "\(column.definition.id)_\(table.columnSuffix)"
                    guard bandIndex[name] == nil else { continue }
                    bandIndex[name] = variables.count
                    variables.append(ExportVariable(
                        name: name, label: "\(column.definition.label.text(language)), \(da ? "bånd" : "band") \(table.id)",
                        valueLabels: bandLabels(table, scoreID: column.definition.id, instrument: source.instrument),
                        missingCodes: bandCodes(table, scoreID: column.definition.id).codes, measure: .ordinal))
                }
            }
        }
        // An item's reason variable (`pworries_mr`) follows it when its source carries reasons.
        var reasonIndex: [String: Int] = [:]
        for (sourceIndex, source) in sources.enumerated() {
            let reasons = Self.carriesReasons(source)
            for item in perSource[sourceIndex].items where itemIndex[item.variable] == nil {
                itemIndex[item.variable] = variables.count
                variables.append(itemVariable(item, instrument: source.instrument, name: item.variable, suffix: "", responses: source.responses))
                if reasons {
                    reasonIndex[item.variable] = variables.count
                    variables.append(AnswerReason.variable(name: "\(item.variable)_mr", itemLabel: item.label.text(language), language: language))
                }
            }
        }

        var rows: [(key: String, row: [ExportValue])] = []
        var seen: Set<String> = []
        let width = variables.count
        for (sourceIndex, source) in sources.enumerated() {
            let instrument = source.instrument
            for response in source.responses {
                let pseudonym = pseudonymizer.pseudonym(for: response.childID)
                let occasionNumber = (occasions.firstIndex(of: response.occasion) ?? 0) + 1
                let informantNumber = (Informant.allCases.firstIndex(of: instrument.informant) ?? 0) + 1
                let key = "\(pseudonym)|\(String(format: "%03d", occasionNumber))|\(informantNumber)|\(instrument.reference)"
                guard seen.insert(key).inserted else {
                    throw ExportError.input(file: instrument.reference.description,
                                            reason: "a child has two responses at occasion \(response.occasion); keep one per child and occasion.")
                }
                var row = [ExportValue](repeating: .missing, count: width)
                row[0] = .text(pseudonym)
                row[1] = .number(Double(occasionNumber))
                row[2] = .number(Double(informantNumber))
                row[3] = .text(instrument.reference.description)
                var cell = covariateStart
                for field in covariates.fields {
                    row[cell] = covariates.value(field, response.attributes)
                    cell += 1
                }
                for kept in covariates.kept {
                    row[cell] = kept.value(response)
                    cell += 1
                }
                if covariates.hasDates {
                    row[cell] = ExportValue.missing.withText(response.date)
                    cell += 1
                }
                row[cell] = Covariates.status(response, scoreIDs: perSource[sourceIndex].columns.filter(\.definition.verified).map(\.definition.id))
                for column in perSource[sourceIndex].columns {
                    let score: Double?? = .some(response.scores[column.definition.id] ?? nil)
                    let scoreColumn = scoreIndex[column.definition.id]!
                    row[scoreColumn] = (score ?? nil).map(ExportValue.number)
                        ?? .declaredMissing(variables[scoreColumn].missingCodes.first?.code ?? -9)
                    for table in column.tables {
                        let bandColumn = bandIndex["\(column.definition.id)_\(table.columnSuffix)"]!
                        row[bandColumn] = bandValue(table, scoreID: column.definition.id, score: score, instrument: instrument,
                                                    codes: bandCodes(table, scoreID: column.definition.id))
                    }
                }
                for item in perSource[sourceIndex].items {
                    let index = itemIndex[item.variable]!
                    row[index] = itemValue(item, response: response, variable: variables[index])
                    if let reason = reasonIndex[item.variable] {
                        row[reason] = AnswerReason.value(item.id, response: response, language: language)
                    }
                }
                rows.append((key, row))
            }
        }
        rows.sort { $0.key < $1.key }
        return ExportDataset(title: title(), variables: variables, rows: rows.map(\.row), notes: notes())
    }

    // MARK: - Title and notes

    private func title() -> String {
        let names = sources.map { $0.instrument.title.text(language) }
        return (da ? "Kortlæg-eksport: " : "Kortlæg export: ") + names.joined(separator: "; ")
    }

    /// A file label of at most `bytes` UTF-8 bytes (SPSS: 64): the title if it fits, else the
    /// instrument ids, else as many ids as fit and "+ N flere". Never cut inside a word; the full
    /// list of instruments is in the notes ("Spørgeskema: …").
    func fileLabel(bytes: Int) -> String {
        let full = title()
        if full.utf8.count <= bytes { return full }
        let prefix = da ? "Kortlæg: " : "Kortlæg: "
        let ids = sources.map { $0.instrument.reference.description }
        var kept: [String] = []
        for (index, id) in ids.enumerated() {
            let rest = ids.count - index - 1
            let more = rest > 0 ? " " + (da ? "+ \(rest) flere" : "+ \(rest) more") : ""
            let candidate = prefix + (kept + [id]).joined(separator: ", ") + more
            if candidate.utf8.count > bytes { break }
            kept.append(id)
        }
        let rest = ids.count - kept.count
        if kept.isEmpty { return prefix + (da ? "\(ids.count) spørgeskemaer" : "\(ids.count) instruments") }
        return prefix + kept.joined(separator: ", ") + (rest > 0 ? " " + (da ? "+ \(rest) flere" : "+ \(rest) more") : "")
    }

    private func notes() -> [String] {
        var notes: [String] = []
        for source in sources {
            let instrument = source.instrument
            notes.append((da ? "Spørgeskema: " : "Instrument: ") + "\(instrument.reference) (\(instrument.title.text(language))); "
                + (da ? "måletidspunkter: " : "occasions: ") + source.occasions.joined(separator: ", "))
            for option in instrument.ruleOptions ?? [] {
                let choice = source.ruleChoices[option.id] ?? option.defaultChoice
                let isDefault = choice == option.defaultChoice
                notes.append((da ? "Regelvalg " : "Rule variant ") + "\(instrument.id): \(option.id)=\(choice)"
                    + (isDefault ? (da ? " (standard)" : " (default)") : ""))
            }
            for table in instrument.bandTables ?? [] {
                notes.append((da ? "Båndtabel " : "Band table ") + "\(table.id) (\(table.normSetText.text(language))): \(table.sourceText.text(language))")
            }
            for norms in instrument.normSets ?? [] {
                notes.append((da ? "Normsæt " : "Norm set ") + "\(norms.id): \(norms.sourceText.text(language))" + (norms.verified ? "" : (da ? " (ikke verificeret)" : " (unverified)")))
            }
        }
        if options.includeItems, sources.contains(where: Self.carriesReasons) { notes.append(AnswerReason.note(language)) }
        notes += options.notes
        for filter in options.filters { notes.append((da ? "Filter: " : "Filter: ") + filter) }
        notes.append("Id: pseudonym (HMAC-SHA256), " + pseudonymizer.saltMode.text(language) + ".")
        notes.append(da ? "Mangler: Stata .a ikke beregnet eller ikke besvaret; .b ingen besvarelse ved måletidspunktet; .c RCI kan ikke beregnes (reliabilitet eller SD mangler). SPSS-koderne ligger altid uden for variablens mulige værdier: -9/-8/-7 for scorer, bånd og svar, -99/-98/-97 (eller -999/-998/-997) for ændringer og RCI; hver variabels koder står i kodebogen."
                        : "Missing: Stata .a not computed or not answered; .b no response at the occasion; .c RCI cannot be computed (reliability or SD missing). The SPSS codes always lie outside the values a variable can take: -9/-8/-7 for scores, bands and answers, -99/-98/-97 (or -999/-998/-997) for changes and RCIs; each variable's codes are in the codebook.")
        return notes
    }
}
