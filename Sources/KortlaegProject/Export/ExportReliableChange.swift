import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegProgress
import KortlaegReports
import KortlaegStatistics

/// The RCI of an export, from the same settings as `progress` (`--reliability SCORE=R` or
/// `sample`, `--sd`, `--sd-from-baseline`): a function for ``DatasetBuilder`` and notes naming
/// the reliability and SD of every score and their source. With no reliability given, no RCI is
/// computed and the notes say so (the `*_rci` variables hold "cannot be computed" for every child).
struct ExportReliableChange {
    let function: DatasetBuilder.ChildReliableChangeFunction
    let notes: [String]

    /// - Throws: ``KortlaegError`` (usage) for an unknown score in the settings.
    init(settings: ProgressSettings, sources: [ExportSource], language: Language) throws(KortlaegError) {
        let da = language == .danish
        guard !settings.reliabilities.isEmpty || settings.reliabilityFromSample else {
            function = { _, _, _, _, _ in nil }
            notes = [da ? "RCI (*_rci) er ikke beregnet: ingen reliabilitet er angivet (--reliability SCORE=R eller --reliability sample)."
                        : "RCI (*_rci) not computed: no reliability was given (--reliability SCORE=R or --reliability sample)."]
            return
        }
        // instrument → score → reliability and SD (one for every child, or by normalised sex)
        var parameters: [String: [String: (sd: SDChoice, reliability: Double)]] = [:]
        var notes: [String] = []
        for source in sources {
            let instrument = source.instrument
            let first = source.occasions.first
            let sample = settings.reliabilityFromSample
                ? SampleReliability(instrument: instrument, answers: source.responses.filter { $0.occasion == first }.map(\.answers))
                : nil
            let scores: [ProgressScore], settingsNotes: [ProgressNote]
            do {
                (scores, settingsNotes) = try settings.scores(for: instrument, language: language, sample: sample)
            } catch {
                throw KortlaegError(error.isUsageError ? .usage : .invalidInput, error.description, danish: error.danish)
            }
            for note in settingsNotes {
                if case .normSet = note { notes.append("\(instrument.reference): " + note.text(language)) }
            }
            for score in scores {
                let id = score.definition.id, variable = score.definition.variable
                guard let reliability = score.reliability else {
                    notes.append("RCI \(variable): " + (da ? "ikke beregnet" : "not computed") + " (\(score.reliabilitySource))")
                    continue
                }
                let sd: SDChoice?, sdSource: String
                switch score.standardDeviation {
                case let .fixed(value, source): (sd, sdSource) = (.all(value), source)
                case .baseline:
                    let values = source.responses.filter { $0.occasion == first }.compactMap { $0.scores[id] ?? nil }
                    let value = (try? Descriptives(values))?.standardDeviation
                    (sd, sdSource) = (value.flatMap { $0 > 0 ? .all($0) : nil }, "SD of the \(first ?? "T1") scores in the export, n = \(values.count)")
                case let .bySex(values, source):
                    // Each child's RCI uses the norm SD of its sex; a child whose sex is not known gets none.
                    let positive = values.filter { $0.value > 0 }
                    (sd, sdSource) = (positive.isEmpty ? nil : .bySex(positive), source + "; a child whose sex is not known gets no RCI")
                case let .unavailable(reason): (sd, sdSource) = (nil, reason)
                }
                guard let sd, reliability < 1 else {
                    notes.append("RCI \(variable): " + (da ? "ikke beregnet" : "not computed") + " (\(sdSource))")
                    continue
                }
                parameters[instrument.reference.description, default: [:]][id] = (sd, reliability)
                notes.append("RCI \(variable): r = \(reliability) (\(score.reliabilitySource)); SD = \(sd.text) (\(sdSource)); "
                             + "S_diff = SD·√(2(1 − r)) (Jacobson & Truax 1991)")
            }
        }
        let fixed = parameters
        function = { instrument, scoreID, first, last, child in
            guard let (choice, r) = fixed[instrument.reference.description]?[scoreID] else { return nil }
            let sd: Double
            switch choice {
            case let .all(value): sd = value
            case let .bySex(values):
                if let child {
                    guard let sex = child.sex.flatMap(ChildChange.normaliseSex), let value = values[sex] else { return nil }
                    sd = value
                } else {
                    sd = values.values.min()!  // the largest |RCI| any child can get
                }
            }
            return (last - first) / (sd * (2 * (1 - r)).squareRoot())
        }
        self.notes = notes
    }

    /// The SD of a score's RCI: one for every child, or one per sex (`male`, `female`).
    enum SDChoice {
        case all(Double)
        case bySex([String: Double])

        var text: String {
            switch self {
            case let .all(value): "\(value)"
            case let .bySex(values): values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
        }
    }
}
