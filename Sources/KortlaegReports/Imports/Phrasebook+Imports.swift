extension Phrasebook {
    /// The texts of `kortlaeg imports` and `kortlaeg imports remove` (and the web's undo).
    public enum Imports {
        public static let number = Phrase(da: "nr", en: "id")
        public static let importedAt = Phrase(da: "indlæst", en: "imported")
        public static let file = Phrase(da: "fil", en: "file")
        public static let by = Phrase(da: "af", en: "by")
        public static let instrument = Phrase(da: "instrument", en: "instrument")
        public static let occasion = Phrase(da: "tidspunkt", en: "occasion")
        public static let informant = Phrase(da: "informant", en: "informant")
        public static let stored = Phrase(da: "gemt", en: "stored")
        public static let unchanged = Phrase(da: "uændret", en: "unchanged")
        public static let replaced = Phrase(da: "erstattet", en: "replaced")
        public static let problems = Phrase(da: "problemer", en: "problems")
        public static let heldNow = Phrase(da: "gemt nu", en: "held now")
        public static let status = Phrase(da: "status", en: "status")
        public static let trivselFigures = Phrase(da: "trivselstal", en: "trivsel figures")
        public static func removed(at: String, by: String) -> Phrase {
            Phrase(da: "fjernet \(at) af \(by)", en: "removed \(at) by \(by)")
        }
        public static let none = Phrase(da: "Projektet har ingen importer endnu.", en: "The project has no imports yet.")
        public static func removeHint(_ project: String) -> Phrase {
            Phrase(da: "Fjern en import med 'kortlaeg imports remove NR --project \(project)' (prøv først med --dry-run).",
                   en: "Remove an import with 'kortlaeg imports remove ID --project \(project)' (try --dry-run first).")
        }

        // MARK: Removal

        public static func wouldRemove(_ id: Int64, _ file: String) -> Phrase {
            Phrase(da: "Prøvekørsel: import \(id) (\(file)) ville blive fjernet; intet er ændret.",
                   en: "Dry run: import \(id) (\(file)) would be removed; nothing was changed.")
        }
        public static func didRemove(_ id: Int64, _ file: String) -> Phrase {
            Phrase(da: "Import \(id) (\(file)) er fjernet.", en: "Import \(id) (\(file)) was removed.")
        }
        public static func importedBy(_ at: String, _ who: String) -> Phrase {
            Phrase(da: "Indlæst \(at) af \(who).", en: "Imported \(at) by \(who).")
        }
        public static func responses(_ count: Int, dryRun: Bool) -> Phrase {
            dryRun ? Phrase(da: "\(count) besvarelser (med deres scorer) slettes", en: "\(count) responses (with their scores) would be deleted")
                : Phrase(da: "\(count) besvarelser (med deres scorer) slettet", en: "\(count) responses (with their scores) deleted")
        }
        public static func children(_ count: Int, dryRun: Bool) -> Phrase {
            dryRun ? Phrase(da: "\(count) børn uden andre besvarelser slettes", en: "\(count) children with no other response would be deleted")
                : Phrase(da: "\(count) børn uden andre besvarelser slettet", en: "\(count) children with no other response deleted")
        }
        public static func figures(_ count: Int, dryRun: Bool) -> Phrase {
            dryRun ? Phrase(da: "\(count) trivselstal slettes", en: "\(count) trivsel figures would be deleted")
                : Phrase(da: "\(count) trivselstal slettet", en: "\(count) trivsel figures deleted")
        }
        public static func handedOver(_ count: Int) -> Phrase {
            Phrase(da: "\(count) besvarelser bliver, fordi en senere fil leverede dem uændret (de hører nu til den fil)",
                   en: "\(count) responses stay because a later file delivered them unchanged (they now belong to that file)")
        }
        public static func notRestored(_ count: Int) -> Phrase {
            Phrase(da: "\(count) tidligere besvarelser, som denne import erstattede, kommer ikke tilbage (svarene står i revisionsloggen); fjern også den tidligere import og indlæs dens fil igen for at få dem tilbage",
                   en: "\(count) earlier responses this import replaced are not brought back (their answers are in the audit log); remove the earlier import too and import its file again to get them back")
        }
        public static let canImportAgain = Phrase(da: "Filen kan nu indlæses igen (fx en rettet udgave).",
                                                  en: "The file can now be imported again (e.g. a corrected version).")
        public static let recorded = Phrase(da: "Fjernelsen står i revisionsloggen.", en: "The removal is recorded in the audit log.")
    }
}
