import KortlaegDomain
import KortlaegProgress

extension ProgressNote {
    /// The note in `language`, as the table, the JSON and the command line's messages write it.
    public func text(_ language: Language) -> String {
        Phrasebook.Progress.note(self)(language)
    }
}
