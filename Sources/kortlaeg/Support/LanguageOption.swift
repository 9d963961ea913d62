import ArgumentParser
import KortlaegProject

extension Language: ExpressibleByArgument {}

/// `--lang da|en`: the language of everything a PPR employee reads. Danish by default.
struct LanguageOption: ParsableArguments {
    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language of the output: da (default) or en.")
    var language: Language = .danish
}

/// `--band-table ID`: which band table (norm set) bands are read from. The same name everywhere.
struct BandTableOption: ParsableArguments {
    @Option(name: .customLong("band-table"), help: "The band table to use (default: the instrument's first), e.g. uk-3band.")
    var id: String?
}
