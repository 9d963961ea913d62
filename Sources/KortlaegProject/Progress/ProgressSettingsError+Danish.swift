import KortlaegProgress

extension ProgressSettingsError {
    /// The message in Danish for the web pages: the same facts in plain words, without the
    /// command line's option names.
    var danish: String {
        switch self {
        case let .malformedAssignment(_, text):
            "»\(text)« skal skrives som score=tal, fx pebdtot=0.80."
        case let .unknownScore(_, instrument, name, suggestion):
            "\(instrument) har ingen score »\(name)«." + (suggestion.map { " Mente du »\($0)«?" } ?? "")
        case let .unknownBandTable(instrument, id, available):
            "\(instrument) har ingen grænsetabel »\(id)«; " + Self.danishList(available, "grænsetabeller")
        case let .unknownNormSet(instrument, id, available):
            "\(instrument) har intet normsæt »\(id)«; " + Self.danishList(available, "normsæt")
        case let .unscorableInstrument(instrument, _):
            "\(instrument) kan ikke scores, fordi instrumentfilen ikke er gyldig."
        }
    }

    private static func danishList(_ ids: [String], _ what: String) -> String {
        ids.isEmpty ? "det har ingen \(what)." : "det har \(ids.joined(separator: ", "))."
    }
}
