import KortlaegDomain

extension Phrasebook {
    /// The notes an export from a project writes into the data file and the codebooks.
    package enum Export {
        /// "Data: Kortlæg-projekt p.kortlaeg (Jammerbugt, TIIS, kortlægningsværktøj 0.1.0); 15 besvarelser."
        package static func projectNote(file: String, about: [String], responses: Int) -> Phrase {
            let detail = about.isEmpty ? "" : " (" + about.joined(separator: ", ") + ")"
            return Phrase(da: "Data: Kortlæg-projekt \(file)\(detail); \(responses) besvarelser.",
                          en: "Data: Kortlæg project \(file)\(detail); \(responses) responses.")
        }

        /// The mapping-tool version as the project note names it.
        package static func toolVersion(_ version: String) -> Phrase {
            Phrase(da: "kortlægningsværktøj \(version)", en: "mapping tool \(version)")
        }

        /// An instrument some of whose responses were scored with unverified scores.
        package static func unverifiedIncluded(_ reference: String) -> Phrase {
            Phrase(da: "\(reference): ikke-verificerede scorer er medtaget for nogle besvarelser (--include-unverified ved import).",
                   en: "\(reference): scores marked unverified are included for some responses (--include-unverified at import).")
        }
    }
}
