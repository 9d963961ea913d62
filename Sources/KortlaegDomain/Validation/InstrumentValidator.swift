import Foundation

/// Checks instrument files: against the JSON Schema, then for semantic errors the schema cannot
/// express (unknown item in a scale, overlapping or gapped bands, duplicate ids, …).
///
/// Works on file contents; KortlaegReaders reads the schema and a folder's files
/// (`InstrumentValidator(schemaPath:)`, `validateDirectory(_:)`).
public struct InstrumentValidator: Sendable {
    let schema: JSONSchemaValidator
    /// The battery schema (`battery.schema.json` beside the instrument schema), when present.
    let batterySchema: JSONSchemaValidator?

    /// Creates a validator from the instrument schema (`Instruments/schema/instrument.schema.json`)
    /// and the battery schema beside it (`battery.schema.json`), as read by KortlaegReaders
    /// (`InstrumentValidator(schemaPath:)`).
    /// - Throws: ``InstrumentError/unreadableFile(path:reason:)`` when the schema is not valid JSON or
    ///   uses a keyword the checker does not support.
    public init(schema: DefinitionFile, batterySchema: DefinitionFile?) throws {
        do {
            self.schema = try JSONSchemaValidator(schema: schema.data)
        } catch {
            throw InstrumentError.unreadableFile(path: schema.path, reason: "the schema is not valid JSON")
        }
        self.batterySchema = batterySchema.flatMap { try? JSONSchemaValidator(schema: $0.data) }
        let unsupported = self.schema.unsupportedKeywords() + (self.batterySchema?.unsupportedKeywords() ?? [])
        guard unsupported.isEmpty else {
            throw InstrumentError.unreadableFile(path: schema.path,
                                                 reason: "uses keywords Kortlæg does not check: \(unsupported.joined(separator: ", "))")
        }
    }

    /// Validates instrument and battery files together: each file, then duplicate `id@version`
    /// across files, then each battery's references against `catalog`.
    /// - Parameter catalog: the folder's instruments, or nil when they could not be loaded.
    public func validate(instruments: [DefinitionFile], batteries: [DefinitionFile], catalog: InstrumentCatalog?) -> [InstrumentFinding] {
        var findings: [InstrumentFinding] = []
        var seen: [InstrumentReference: String] = [:]
        for file in instruments {
            let (instrument, fileFindings) = validate(file)
            findings += fileFindings
            if let instrument {
                if let other = seen[instrument.reference] {
                    findings.append(InstrumentFinding(file: file.path, jsonPath: "$.id",
                                                      message: "\(instrument.reference) is also defined in \(other)"))
                }
                seen[instrument.reference] = file.path
            }
        }
        var seenBatteries: [InstrumentReference: String] = [:]
        for file in batteries {
            let (battery, batteryFindings) = validateBattery(file, catalog: catalog)
            findings += batteryFindings
            if let battery {
                if let other = seenBatteries[battery.reference] {
                    findings.append(InstrumentFinding(file: file.path, jsonPath: "$.id", message: "\(battery.reference) is also defined in \(other)"))
                }
                seenBatteries[battery.reference] = file.path
            }
        }
        return findings
    }

    /// Validates one battery file against the battery schema and the instrument catalog.
    public func validateBattery(_ file: DefinitionFile, catalog: InstrumentCatalog?) -> (Battery?, [InstrumentFinding]) {
        let path = file.path
        do {
            let document = try JSONDecoder().decode(JSONValue.self, from: file.data)
            if let batterySchema {
                let schemaFindings = batterySchema.validate(document).map { InstrumentFinding(file: path, jsonPath: $0.path, message: $0.message) }
                if !schemaFindings.isEmpty { return (nil, schemaFindings) }
            }
            let battery = try JSONDecoder().decode(Battery.self, from: file.data)
            guard let catalog else {
                return (battery, [InstrumentFinding(file: path, jsonPath: "$", message: "the instruments could not be loaded, so the battery's references were not checked")])
            }
            return (battery, BatteryValidator.findings(battery, catalog: catalog, file: path))
        } catch let error as DecodingError {
            return (nil, [InstrumentFinding(file: path, jsonPath: "$", message: error.locatedDescription)])
        } catch {
            return (nil, [InstrumentFinding(file: path, jsonPath: "$", message: "not valid JSON")])
        }
    }

    /// Validates one instrument file; returns the decoded instrument when it decodes.
    public func validate(_ file: DefinitionFile) -> (Instrument?, [InstrumentFinding]) {
        let path = file.path
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: file.data)
        } catch {
            return (nil, [InstrumentFinding(file: path, jsonPath: "$", message: "not valid JSON: \(error.localizedDescription)")])
        }
        let schemaFindings = schema.validate(document).map { InstrumentFinding(file: path, jsonPath: $0.path, message: $0.message) }
        guard schemaFindings.isEmpty else { return (nil, schemaFindings) }
        let instrument: Instrument
        do {
            instrument = try JSONDecoder().decode(Instrument.self, from: file.data)
        } catch let error as DecodingError {
            return (nil, [InstrumentFinding(file: path, jsonPath: "$", message: error.locatedDescription)])
        } catch {
            return (nil, [InstrumentFinding(file: path, jsonPath: "$", message: "\(error)")])
        }
        return (instrument, Self.semanticFindings(instrument, file: path))
    }

    /// The semantic checks on a decoded instrument.
    public static func semanticFindings(_ instrument: Instrument, file: String) -> [InstrumentFinding] {
        var findings: [InstrumentFinding] = []
        func report(_ path: String, _ message: String) {
            findings.append(InstrumentFinding(file: file, jsonPath: path, message: message))
        }
        func duplicates<T>(_ values: [T], key: (T) -> String, path: (Int) -> String, what: String) {
            var seen: Set<String> = []
            for (index, value) in values.enumerated() where !seen.insert(key(value)).inserted {
                report(path(index), "duplicate \(what) '\(key(value))'")
            }
        }

        if SemanticVersion(instrument.version) == nil {
            report("$.version", "'\(instrument.version)' is not a semantic version such as 1.0.0")
        }
        if let ages = instrument.ageRange, ages.minimum > ages.maximum {
            report("$.ageRange", "minimum age \(ages.minimum) is above maximum \(ages.maximum)")
        }

        // Answer scales.
        duplicates(instrument.answerScales, key: \.id, path: { "$.answerScales[\($0)].id" }, what: "answer scale id")
        let answerScales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, scale) in instrument.answerScales.enumerated() {
            let coded = [.ordinal, .nominal, .checkbox].contains(scale.kind)
            if coded, (scale.codes ?? []).isEmpty {
                report("$.answerScales[\(index)]", "a \(scale.kind.rawValue) answer scale needs codes")
            }
            let codes = (scale.codes ?? []) + (scale.missingCodes ?? [])
            duplicates(codes, key: { String($0.code) }, path: { "$.answerScales[\(index)].codes[\($0)]" }, what: "code")
            if let low = scale.minimum, let high = scale.maximum, low > high {
                report("$.answerScales[\(index)]", "minimum \(low) is above maximum \(high)")
            }
        }

        // Items.
        duplicates(instrument.items, key: \.id, path: { "$.items[\($0)].id" }, what: "item id")
        let names = instrument.items.flatMap { [$0.variable] + ($0.aliases ?? []) }.map { $0.lowercased() }
        var seenNames: Set<String> = []
        for name in names where !seenNames.insert(name).inserted {
            report("$.items", "the column name '\(name)' is used by more than one item (variables and aliases must be unique)")
        }
        let itemsByID = Dictionary(instrument.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, item) in instrument.items.enumerated() where answerScales[item.answerScale] == nil {
            report("$.items[\(index)].answerScale", unknown("answer scale", item.answerScale, in: answerScales.keys))
        }
        func codes(ofItem id: String) -> Set<Int>? {
            guard let item = itemsByID[id], let scale = answerScales[item.answerScale] else { return nil }
            return Set(scale.validCodes)
        }

        // Rule options.
        let options = instrument.ruleOptions ?? []
        duplicates(options, key: \.id, path: { "$.ruleOptions[\($0)].id" }, what: "rule option id")
        for (index, option) in options.enumerated() where !option.choices.contains(where: { $0.id == option.defaultChoice }) {
            report("$.ruleOptions[\(index)].defaultChoice", "'\(option.defaultChoice)' is not one of the option's choices")
        }

        // Scales.
        var scoreIDs: [String: ScoreRange] = [:]
        var variables: Set<String> = Set(instrument.items.map { $0.variable.lowercased() })
        for (index, scale) in instrument.scales.enumerated() {
            let path = "$.scales[\(index)]"
            if scoreIDs[scale.id] != nil { report("\(path).id", "duplicate score id '\(scale.id)'") }
            scoreIDs[scale.id] = scale.range
            if !variables.insert(scale.variable.lowercased()).inserted {
                report("\(path).variable", "the variable name '\(scale.variable)' is already used")
            }
            for (position, item) in scale.items.enumerated() {
                guard let found = itemsByID[item] else {
                    report("\(path).items[\(position)]", unknown("item", item, in: itemsByID.keys))
                    continue
                }
                if let kind = answerScales[found.answerScale]?.kind, ![.ordinal, .nominal, .checkbox].contains(kind) {
                    report("\(path).items[\(position)]", "item '\(item)' has a \(kind.rawValue) answer scale and cannot be scored")
                }
            }
            duplicates(scale.items, key: { $0 }, path: { "\(path).items[\($0)]" }, what: "item in scale")
            for (position, item) in (scale.reversed ?? []).enumerated() where !scale.items.contains(item) {
                report("\(path).reversed[\(position)]", "reversed item '\(item)' is not one of the scale's items")
            }
            if let minimum = scale.missing.minimumAnswered, minimum > scale.items.count {
                report("\(path).missing.minimumAnswered", "\(minimum) answered items required but the scale has only \(scale.items.count)")
            }
            if scale.method == .count, (scale.countCodes ?? []).isEmpty {
                report("\(path).countCodes", "a count scale needs countCodes")
            }
            if scale.range.minimum > scale.range.maximum {
                report("\(path).range", "minimum is above maximum")
            }
            for (key, _) in scale.recode ?? [:] {
                let allCodes = scale.items.compactMap { codes(ofItem: $0) }.reduce(Set<Int>()) { $0.union($1) }
                if let code = Int(key), !allCodes.contains(code) {
                    report("\(path).recode", "recode key \(key) is not a code of the scale's items")
                }
            }
            for (position, condition) in (scale.conditions ?? []).enumerated() {
                let conditionPath = "\(path).conditions[\(position)]"
                if itemsByID[condition.when.item] == nil {
                    report("\(conditionPath).when.item", unknown("item", condition.when.item, in: itemsByID.keys))
                }
                for other in condition.when.anyAnswered ?? [] where itemsByID[other] == nil {
                    report("\(conditionPath).when.anyAnswered", unknown("item", other, in: itemsByID.keys))
                }
                if (condition.then.missing ?? false) == (condition.then.value != nil) {
                    report("\(conditionPath).then", "give exactly one of 'value' or 'missing: true'")
                }
                if let only = condition.onlyWith {
                    if let option = options.first(where: { $0.id == only.option }) {
                        if !option.choices.contains(where: { $0.id == only.choice }) {
                            report("\(conditionPath).onlyWith.choice", "'\(only.choice)' is not a choice of option '\(only.option)'")
                        }
                    } else {
                        report("\(conditionPath).onlyWith.option", unknown("rule option", only.option, in: options.map(\.id)))
                    }
                }
            }
        }

        // Derived scores: parts must be defined earlier (no cycles).
        for (index, derived) in (instrument.derivedScores ?? []).enumerated() {
            let path = "$.derivedScores[\(index)]"
            for (position, part) in derived.of.enumerated() where scoreIDs[part] == nil {
                report("\(path).of[\(position)]", unknown("score defined earlier", part, in: scoreIDs.keys))
            }
            if scoreIDs[derived.id] != nil { report("\(path).id", "duplicate score id '\(derived.id)'") }
            scoreIDs[derived.id] = derived.range
            if !variables.insert(derived.variable.lowercased()).inserted {
                report("\(path).variable", "the variable name '\(derived.variable)' is already used")
            }
        }

        for (index, id) in (instrument.scoreOrder ?? []).enumerated() where scoreIDs[id] == nil {
            report("$.scoreOrder[\(index)]", unknown("score", id, in: scoreIDs.keys))
        }

        // Bands.
        let labels = Set((instrument.bandLabels ?? []).map(\.id))
        duplicates(instrument.bandLabels ?? [], key: \.id, path: { "$.bandLabels[\($0)].id" }, what: "band label id")
        duplicates(instrument.bandTables ?? [], key: \.id, path: { "$.bandTables[\($0)].id" }, what: "band table id")
        duplicates(instrument.bandTables ?? [], key: \.columnSuffix, path: { "$.bandTables[\($0)].columnSuffix" },
                   what: "band column suffix")
        for (tableIndex, table) in (instrument.bandTables ?? []).enumerated() {
            for score in table.scores.keys.sorted() {
                let path = "$.bandTables[\(tableIndex)].scores.\(score)"
                guard let range = scoreIDs[score] else {
                    report(path, unknown("score", score, in: scoreIDs.keys))
                    continue
                }
                findings += bandFindings(table.scores[score]!.bands, range: range, labels: labels, path: path, file: file)
            }
        }

        if let avs = instrument.addedValueScore {
            for (index, term) in avs.terms.enumerated() where scoreIDs[term.score] == nil {
                report("$.addedValueScore.terms[\(index)].score", unknown("score", term.score, in: scoreIDs.keys))
            }
            if scoreIDs[avs.outcome] == nil {
                report("$.addedValueScore.outcome", unknown("score", avs.outcome, in: scoreIDs.keys))
            }
        }

        // Norms.
        duplicates(instrument.normSets ?? [], key: \.id, path: { "$.normSets[\($0)].id" }, what: "norm set id")
        for (index, norms) in (instrument.normSets ?? []).enumerated() {
            for score in norms.scores.keys.sorted() where scoreIDs[score] == nil {
                report("$.normSets[\(index)].scores.\(score)", unknown("score", score, in: scoreIDs.keys))
            }
        }
        findings += goalFindings(instrument, file: file)
        return findings
    }

    /// Bands must cover the score range exactly: no gaps, no overlaps, ascending.
    static func bandFindings(_ bands: [BandTable.Band], range: ScoreRange, labels: Set<String>, path: String,
                             file: String) -> [InstrumentFinding] {
        var findings: [InstrumentFinding] = []
        func report(_ suffix: String, _ message: String) {
            findings.append(InstrumentFinding(file: file, jsonPath: path + suffix, message: message))
        }
        for (index, band) in bands.enumerated() {
            if !labels.contains(band.label) {
                report(".bands[\(index)].label", unknown("band label", band.label, in: labels))
            }
            if band.minimum > band.maximum {
                report(".bands[\(index)]", "minimum \(format(band.minimum)) is above maximum \(format(band.maximum))")
            }
        }
        guard let first = bands.first, let last = bands.last else { return findings }
        if first.minimum != range.minimum || (first.minimumExclusive ?? false) {
            report(".bands[0]", "the first band starts at \(format(first.minimum)) but the score starts at \(format(range.minimum)) (gap)")
        }
        if last.maximum != range.maximum {
            report(".bands[\(bands.count - 1)]",
                   "the last band ends at \(format(last.maximum)) but the score ends at \(format(range.maximum))")
        }
        for index in bands.indices.dropFirst() {
            let previous = bands[index - 1], band = bands[index]
            let exclusive = band.minimumExclusive ?? false
            let expectedStart = range.integer && !exclusive ? previous.maximum + 1 : previous.maximum
            if range.integer && !exclusive {
                if band.minimum < expectedStart {
                    report(".bands[\(index)]", "overlaps the band before: it starts at \(format(band.minimum)) but the band before ends at \(format(previous.maximum))")
                } else if band.minimum > expectedStart {
                    report(".bands[\(index)]", "gap before this band: values from \(format(expectedStart)) to \(format(band.minimum - 1)) are in no band")
                }
            } else {
                if band.minimum < previous.maximum || (band.minimum == previous.maximum && !exclusive) {
                    report(".bands[\(index)]", "overlaps the band before at \(format(band.minimum)); continuous bands continue with minimum = the previous maximum and minimumExclusive: true")
                } else if band.minimum > previous.maximum {
                    report(".bands[\(index)]", "gap before this band: values between \(format(previous.maximum)) and \(format(band.minimum)) are in no band")
                }
            }
        }
        return findings
    }
}

private func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}

private func unknown(_ what: String, _ name: String, in candidates: some Sequence<String>) -> String {
    let suggestion = closestMatch(to: name, in: candidates).map { " Did you mean '\($0)'?" } ?? ""
    return "unknown \(what) '\(name)'.\(suggestion)"
}
