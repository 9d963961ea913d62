/// Semantic checks of a battery against the instrument catalog: every instrument exists at the
/// exact version, informants match, occasions exist, age ranges fit the instruments and do not
/// make the choice ambiguous.
public enum BatteryValidator {
    /// The findings for `battery`, located by JSON path.
    public static func findings(_ battery: Battery, catalog: InstrumentCatalog, file: String) -> [InstrumentFinding] {
        var findings: [InstrumentFinding] = []
        func report(_ path: String, _ message: String) {
            findings.append(InstrumentFinding(file: file, jsonPath: path, message: message))
        }
        if battery.kind != "battery" { report("$.kind", "expected 'battery'") }
        if SemanticVersion(battery.version) == nil {
            report("$.version", "'\(battery.version)' is not a semantic version such as 0.1.0")
        }
        if battery.ageRange.minimum > battery.ageRange.maximum {
            report("$.ageRange", "minimum age is above maximum age")
        }
        var occasionIDs: Set<String> = []
        for (index, occasion) in battery.occasions.enumerated() {
            if !occasionIDs.insert(occasion.id).inserted { report("$.occasions[\(index)].id", "duplicate occasion '\(occasion.id)'") }
            if occasion.kind == .followUp, (occasion.everyWeeks ?? 0) <= 0 {
                report("$.occasions[\(index)].everyWeeks", "a follow-up needs an interval in weeks")
            }
        }
        for kind in [Battery.OccasionKind.initial, .final] where !battery.occasions.contains(where: { $0.kind == kind }) {
            report("$.occasions", "no \(kind.rawValue) occasion: a mapping course starts with an initial and ends with a final mapping")
        }
        let references = catalog.entries.map(\.instrument.reference.description)
        var resolved: [Int: Instrument] = [:]
        for (index, assignment) in battery.assignments.enumerated() {
            let path = "$.assignments[\(index)]"
            guard assignment.instrument.contains("@") else {
                report("\(path).instrument", "'\(assignment.instrument)' must name an exact version (id@version)")
                continue
            }
            guard let instrument = try? catalog.resolve(assignment.instrument) else {
                let hint = closestMatch(to: assignment.instrument, in: references).map { " Did you mean '\($0)'?" } ?? ""
                report("\(path).instrument", "unknown instrument '\(assignment.instrument)'.\(hint)")
                continue
            }
            resolved[index] = instrument
            if instrument.informant != assignment.informant {
                report("\(path).informant", "\(assignment.instrument) is answered by \(instrument.informant.rawValue), not \(assignment.informant.rawValue)")
            }
            for (position, occasion) in assignment.occasions.enumerated() where !occasionIDs.contains(occasion) {
                report("\(path).occasions[\(position)]", "unknown occasion '\(occasion)'; the battery defines \(occasionIDs.sorted().joined(separator: ", "))")
            }
            if let ages = assignment.ages {
                if ages.minimum > ages.maximum { report("\(path).ages", "minimum age is above maximum age") }
                if let range = instrument.ageRange, ages.minimum < range.minimum || ages.maximum > range.maximum {
                    report("\(path).ages", "ages \(ages.minimum)-\(ages.maximum) fall outside \(assignment.instrument)'s range \(range.minimum)-\(range.maximum)")
                }
            }
        }
        // Ambiguity: two instruments of one family for the same informant, occasion and age.
        for (first, a) in battery.assignments.enumerated() {
            for (second, b) in battery.assignments.enumerated() where second > first {
                guard a.informant == b.informant, let x = resolved[first], let y = resolved[second], x.family == y.family
                else { continue }
                let shared = Set(a.occasions).intersection(b.occasions)
                let low = max(a.ages?.minimum ?? battery.ageRange.minimum, b.ages?.minimum ?? battery.ageRange.minimum)
                let high = min(a.ages?.maximum ?? battery.ageRange.maximum, b.ages?.maximum ?? battery.ageRange.maximum)
                if !shared.isEmpty, low <= high {
                    report("$.assignments[\(second)]",
                           "overlaps assignments[\(first)]: \(a.informant.rawValue) would answer both \(a.instrument) and \(b.instrument) at \(shared.sorted().joined(separator: ", ")) for ages \(low)-\(high)")
                }
            }
        }
        for (index, measure) in (battery.classMeasures ?? []).enumerated() {
            for (position, occasion) in measure.occasions.enumerated() where !occasionIDs.contains(occasion) {
                report("$.classMeasures[\(index)].occasions[\(position)]", "unknown occasion '\(occasion)'")
            }
            if measure.kind == .scoreOverview, let id = measure.instrument, (try? catalog.resolve(id)) == nil {
                report("$.classMeasures[\(index)].instrument", "unknown instrument '\(id)'")
            }
        }
        return findings
    }
}
