import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegProgress
import KortlaegStatistics

/// The RCI of an export, from the same settings as `progress` (`--reliability SCORE=R` or
/// `sample`, `--sd`, `--sd-from-baseline`): a function for ``DatasetBuilder`` and notes naming
/// the reliability and SD of every score and their source. With no reliability given, no RCI is
/// computed and the notes say so (the `*_rci` variables hold "cannot be computed" for every child).
struct ExportReliableChange {
    let function: DatasetBuilder.ReliableChangeFunction
    let notes: [String]

    /// - Throws: ``KortlaegError`` (usage) for an unknown score in the settings.
    init(settings: ProgressSettings, sources: [ExportSource], language: Language) throws(KortlaegError) {
        let da = language == .danish
        guard !settings.reliabilities.isEmpty || settings.reliabilityFromSample else {
            function = { _, _, _, _ in nil }
            notes = [da ? "RCI (*_rci) er ikke beregnet: ingen reliabilitet er angivet (--reliability SCORE=R eller --reliability sample)."
                        : "RCI (*_rci) not computed: no reliability was given (--reliability SCORE=R or --reliability sample)."]
            return
        }
        var parameters: [String: [String: (sd: Double, reliability: Double)]] = [:]  // instrument → score → constants
        var notes: [String] = []
        for source in sources {
            let instrument = source.instrument
            let first = source.occasions.first
            let sample = settings.reliabilityFromSample
                ? SampleReliability(instrument: instrument, answers: source.responses.filter { $0.occasion == first }.map(\.answers))
                : nil
            let scores: [ProgressScore]
            do {
                scores = try settings.scores(for: instrument, language: language, sample: sample).scores
            } catch {
                throw KortlaegError(error.isUsageError ? .usage : .invalidInput, error.description)
            }
            for score in scores {
                let id = score.definition.id, variable = score.definition.variable
                guard let reliability = score.reliability else {
                    notes.append("RCI \(variable): " + (da ? "ikke beregnet" : "not computed") + " (\(score.reliabilitySource))")
                    continue
                }
                let sd: Double?, sdSource: String
                switch score.standardDeviation {
                case let .fixed(value, source): (sd, sdSource) = (value, source)
                case .baseline:
                    let values = source.responses.filter { $0.occasion == first }.compactMap { $0.scores[id] ?? nil }
                    let value = (try? Descriptives(values))?.standardDeviation
                    (sd, sdSource) = (value.flatMap { $0 > 0 ? $0 : nil }, "SD of the \(first ?? "T1") scores in the export, n = \(values.count)")
                case .bySex: (sd, sdSource) = (nil, "norm SDs by sex cannot be used in an export; give --sd \(variable)=SD or --sd-from-baseline")
                case let .unavailable(reason): (sd, sdSource) = (nil, reason)
                }
                guard let sd, reliability < 1 else {
                    notes.append("RCI \(variable): " + (da ? "ikke beregnet" : "not computed") + " (\(sdSource))")
                    continue
                }
                parameters[instrument.reference.description, default: [:]][id] = (sd, reliability)
                notes.append("RCI \(variable): r = \(reliability) (\(score.reliabilitySource)); SD = \(sd) (\(sdSource)); "
                             + "S_diff = SD·√(2(1 − r)) (Jacobson & Truax 1991)")
            }
        }
        let fixed = parameters
        function = { instrument, scoreID, first, last in
            guard let (sd, r) = fixed[instrument.reference.description]?[scoreID] else { return nil }
            return (last - first) / (sd * (2 * (1 - r)).squareRoot())
        }
        self.notes = notes
    }
}
