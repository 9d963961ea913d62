import KortlaegDomain

/// `tool show`: which instruments each informant answers at each occasion of a battery,
/// optionally for a child of one age, and the class-level measures.
public struct BatteryDescriptionText: Sendable {
    /// The battery described.
    public var battery: Battery
    /// Only the assignments for a child of this age (whole years); nil: all.
    public var age: Int?
    /// The language of labels and headings.
    public var language: Language

    /// A text in `language`.
    public init(battery: Battery, age: Int?, language: Language) {
        self.battery = battery
        self.age = age
        self.language = language
    }

    /// The description (no trailing newline).
    public var text: String {
        let say = language
        var lines = ["\(battery.reference): \(battery.title.text(say))"]
        lines.append(Phrasebook.modelLine(battery.model.name.text(say), version: battery.model.modelVersion,
                                          ages: "\(battery.ageRange.minimum)-\(battery.ageRange.maximum)")(say))
        for occasion in battery.occasions {
            let every = occasion.everyWeeks.map { Phrasebook.everyWeeks($0, occasion.id)(say) } ?? ""
            lines.append("")
            lines.append(Phrasebook.occasionLine(occasion.id, occasion.label.text(say))(say) + every)
            for informant in Informant.allCases {
                let list = battery.instruments(informant: informant, occasion: occasion.id, age: age)
                if !list.isEmpty { lines.append("  \(informant.rawValue): \(list.joined(separator: ", "))") }
            }
        }
        for measure in battery.classMeasures ?? [] {
            lines.append("")
            lines.append(Phrasebook.classMeasure(measure.id, measure.label.text(say), at: measure.occasions.joined(separator: ", "))(say))
        }
        return lines.joined(separator: "\n")
    }
}
