import KortlaegDomain
import KortlaegReports

extension ReportAssembler {
    /// The class report of a group of children's observations: per informant and instrument
    /// family, each verified score's values per occasion, one observation per child and occasion
    /// (the first). Scores are prefixed by the informant when the class has several.
    func classReport(_ observations: [ReportObservation], label: String) throws(KortlaegError) -> ClassReport {
        let groups = Self.groups(observations)
        try requireBandTable(among: groups.map(\.instrument))
        var values: [ClassReport.ScoreValues] = []
        for group in groups {
            var byOccasion: [String: [[String: Double?]]] = [:]
            var seen: Set<String> = []
            for observation in group.observations where seen.insert("\(observation.child)|\(observation.occasion)").inserted {
                byOccasion[observation.occasion, default: []].append(observation.scores)
            }
            for line in try scoreLines(of: group.instrument).lines {
                var perOccasion: [String: [Double]] = [:]
                for (occasion, children) in byOccasion {
                    perOccasion[occasion] = children.compactMap { $0[line.definition.id] ?? nil }
                }
                values.append(ClassReport.ScoreValues(informant: groups.count > 1 ? group.informant : nil,
                                                      label: line.definition.label.text(language), bands: line.bands, values: perOccasion))
            }
        }
        return ClassReport(groupLabel: label, language: language, occasions: Self.occasions(observations), scores: values)
    }
}
