import KortlaegDomain

extension Phrasebook {
    /// What the import wizard (`kortlaeg serve`) says about an uploaded file and its dry run: the
    /// kind, the encoding, the choices and their reasons, and each problem of the validation
    /// report. The English texts follow the command line's wording.
    public enum Import {
        // MARK: - Kinds of file

        /// The kind of file, by the raw value of `SourceKind`.
        public static func kind(_ kind: String) -> Phrase {
            switch kind {
            case "odm": Phrase(da: "CDISC ODM-XML (også REDCap-projekt-XML)", en: "CDISC ODM XML")
            case "redcap-csv": Phrase(da: "REDCap-CSV (rå koder)", en: "REDCap record CSV")
            case "fhir": Phrase(da: "FHIR QuestionnaireResponse", en: "FHIR QuestionnaireResponse")
            case "surveyxact": Phrase(da: "SurveyXact-udtræk", en: "SurveyXact export")
            case "xlsx": Phrase(da: "Excel-projektmappe (.xlsx)", en: "Excel workbook")
            default: Phrase(da: "Almindelig CSV", en: "plain CSV")
            }
        }

        /// What the kind was recognised by; `json`: a FHIR resource in JSON rather than XML.
        public static func evidence(_ kind: String, json: Bool) -> Phrase {
            switch kind {
            case "odm": Phrase(da: "rodelementet <ODM>", en: "root element <ODM>")
            case "redcap-csv": Phrase(da: "overskriften har record_id/redcap_event_name", en: "CSV header with record_id/redcap_event_name")
            case "fhir" where json: Phrase(da: "JSON-ressource (resourceType kontrolleres ved læsningen)", en: "JSON resource (resourceType checked when read)")
            case "fhir": Phrase(da: "rodelementet <QuestionnaireResponse>", en: "root element <QuestionnaireResponse>")
            case "surveyxact": Phrase(da: "datasæt-, struktur- og etiketfil side om side", en: "dataset, structure and labels files side by side")
            case "xlsx": Phrase(da: "zip-arkiv med xl/workbook.xml", en: "zip archive with xl/workbook.xml")
            default: Phrase(da: "overskriftsrække; kolonnerne genkendes på de officielle variabelnavne",
                            en: "CSV header (columns matched by official variable names)")
            }
        }

        // MARK: - Encoding

        /// How a text file is written, e.g. `UTF-8 med BOM (genkendt), semikolon som skilletegn (genkendt), CRLF-linjeskift`.
        /// - Parameters:
        ///   - encoding: the encoding's name (`UTF-8`, `Windows-1252`, …).
        ///   - delimiter: the delimiter byte.
        ///   - lineEnding: `CRLF`, `LF`, `CR`, or nil for a file without a line ending.
        ///   - english: the command line's wording (`CSVDialect`'s description).
        public static func dialect(encoding: String, byteOrderMark: Bool, encodingDetected: Bool, delimiter: UInt8,
                                   delimiterDetected: Bool, lineEnding: String?, english: String) -> Phrase {
            let how = { (detected: Bool) in detected ? "genkendt" : "valgt" }
            let separator: String
            switch delimiter {
            case UInt8(ascii: ","): separator = "komma (,)"
            case UInt8(ascii: ";"): separator = "semikolon (;)"
            case UInt8(ascii: "\t"): separator = "tabulator"
            default: separator = "»\(Character(Unicode.Scalar(delimiter)))«"
            }
            let endings = lineEnding.map { "\($0)-linjeskift" } ?? "intet linjeskift"
            return Phrase(da: "\(encoding)\(byteOrderMark ? " med BOM" : "") (\(how(encodingDetected))), \(separator) som skilletegn (\(how(delimiterDetected))), \(endings)",
                          en: english)
        }

        /// An Excel workbook's sheet: no encoding to detect.
        public static func sheet(_ name: String, of count: Int) -> Phrase {
            Phrase(da: "Excel-projektmappe (XML, altid Unicode), arket »\(name)« (\(count == 1 ? "det eneste ark" : "det første af \(count) ark"))",
                   en: "Excel workbook, sheet '\(name)' (\(count == 1 ? "the only sheet" : "first of \(count) sheets"))")
        }

        // MARK: - Choices and reasons

        /// Why the child-id column was chosen, by the raw value of `ChildIdChoice.Reason`.
        public static func idReason(_ reason: String) -> Phrase {
            switch reason {
            case "named": Phrase(da: "valgt af dig", en: "chosen by you")
            case "cprValues": Phrase(da: "værdierne er CPR-numre (de vises ikke)", en: "its values are CPR numbers (never shown)")
            case "idHeader": Phrase(da: "overskriften betegner et id", en: "its header names an id")
            case "formatKey": Phrase(da: "udtrækkets eget respondent-id", en: "the export's respondent key")
            default: Phrase(da: "den første kolonne; ingen kolonne hedder som et id (cpr, barn_id, elev_id, …) – vælg en anden herunder",
                            en: "the first column; no column is named as an id (cpr, barn_id, elev_id, …) – choose another below")
            }
        }

        /// A choice taken from a mapping profile.
        public static func fromProfile(_ id: String) -> Phrase {
            Phrase(da: "fra indlæsningsprofilen »\(id)«", en: "from the mapping profile '\(id)'")
        }

        /// The instrument was chosen by the user.
        public static let chosenByYou = Phrase(da: "valgt af dig", en: "chosen by you")

        /// The instrument whose variable names match the most columns.
        public static func bestMatch(_ matched: Int) -> Phrase {
            Phrase(da: "dets variabelnavne passer med flest kolonner (\(matched))", en: "its variable names match the most columns (\(matched))")
        }

        /// What a saved profile is for: files with the same columns, or (record files) the same format and form.
        static func sameFiles(records: Bool) -> Phrase {
            records ? Phrase(da: "samme format og skema", en: "the same format and form") : Phrase(da: "de samme kolonner", en: "the same columns")
        }

        /// A saved profile was picked for the file (`records`: for its format and form, not its columns).
        public static func savedProfilePicked(_ id: String, records: Bool = false) -> Phrase {
            let same = sameFiles(records: records)
            return Phrase(da: "Filen har \(same.da) som en fil, du tidligere har gemt valg for: indlæsningsprofilen »\(id)« er valgt automatisk. Du kan ændre valgene herunder.",
                          en: "The file has \(same.en) as a file you saved choices for before: the mapping profile '\(id)' was chosen automatically. You can change the choices below.")
        }

        /// The profile was saved (`records`: for the file's format and form, not its columns).
        public static func profileSaved(_ id: String, records: Bool = false) -> Phrase {
            let same = sameFiles(records: records)
            return Phrase(da: "Valgene er gemt som indlæsningsprofilen »\(id)«. Næste fil med \(same.da) får dem automatisk.",
                          en: "The choices were saved as the mapping profile '\(id)'. The next file with \(same.en) gets them automatically.")
        }

        /// The profile could not be saved.
        public static let profileNotSaved = Phrase(da: "Indlæsningsprofilen kunne ikke gemmes. Prøv igen, eller kontakt den, der driver Kortlæg.",
                                                   en: "The mapping profile could not be saved. Try again, or contact whoever runs Kortlæg.")

        /// A child attribute or record part a column can be mapped to, by `ImportJob.columnAttributes` name.
        public static func attribute(_ name: String) -> Phrase {
            switch name {
            case "class": Phrase(da: "Klasse", en: "Class")
            case "school": Phrase(da: "Skole", en: "School")
            case "sex": Phrase(da: "Køn", en: "Sex")
            case "birthYear": Phrase(da: "Fødselsår", en: "Birth year")
            case "birthMonth": Phrase(da: "Fødselsmåned", en: "Birth month")
            case "birthDate": Phrase(da: "Fødselsdato (kun år og måned gemmes)", en: "Birth date (year and month kept)")
            case "date": Phrase(da: "Besvarelsesdato", en: "Date answered")
            case "occasion": Phrase(da: "Måling (T1, F1, …, T2)", en: "Occasion (T1, F1, …, T2)")
            case "site": Phrase(da: "Kommune eller sted (del af barnets id)", en: "Site or municipality (part of the child's identity)")
            default: Phrase(stringLiteral: name)
            }
        }

        // MARK: - Problems before the dry run

        /// The file is none of the kinds Kortlæg imports.
        public static let unrecognized = Phrase(
            da: "Filtypen kan ikke genkendes. Kortlæg indlæser CSV, Excel (.xlsx), CDISC ODM/REDCap-XML, FHIR QuestionnaireResponse og SurveyXact-udtræk.",
            en: "Cannot tell what kind of file this is. Kortlæg imports CSV, Excel (.xlsx), CDISC ODM/REDCap XML, FHIR QuestionnaireResponse and SurveyXact exports.")
        /// The file cannot be read as a table.
        public static let unreadable = Phrase(da: "Filen kan ikke læses som en tabel (tjek at den er gemt som CSV eller .xlsx).",
                                              en: "The file cannot be read as a table (check that it is saved as CSV or .xlsx).")
        /// An ODM/REDCap XML or FHIR file whose records cannot be read.
        public static let unreadableRecords = Phrase(
            da: "Besvarelserne i filen kan ikke læses: filen er ikke gyldig XML/JSON eller er afbrudt undervejs. Hent udtrækket igen fra kilden.",
            en: "The responses in the file cannot be read: the file is not valid XML/JSON or is cut off. Export it again from the source.")
        /// No shipped profile, or several, read this kind of file.
        public static func noProfile(_ candidates: [String]) -> Phrase {
            candidates.isEmpty
                ? Phrase(da: "Ingen indlæsningsprofil læser denne filtype.", en: "No mapping profile reads this kind of file.")
                : Phrase(da: "Flere indlæsningsprofiler læser denne filtype (\(candidates.joined(separator: ", "))).",
                         en: "Several mapping profiles read this kind of file (\(candidates.joined(separator: ", "))).")
        }
        /// No instrument matches a column.
        public static let noInstrument = Phrase(da: "Ingen kolonne passer med et skemas variabelnavne: vælg skemaet herunder.",
                                                en: "No column matches the variable names of a form: choose the form below.")
        /// The chosen instrument does not exist.
        public static func unknownInstrument(_ reference: String) -> Phrase {
            Phrase(da: "Skemaet »\(reference)« findes ikke; vælg et andet.", en: "The form '\(reference)' does not exist; choose another.")
        }
        /// No column can be the child id.
        public static func noIdColumn(nameLike: [String]) -> Phrase {
            let names = nameLike.map { "»\($0)«" }.joined(separator: ", ")
            return Phrase(da: "Ingen kolonne kan være barnets id\(nameLike.isEmpty ? "" : " (\(names) ligner navne, ikke id'er)"). Vælg kolonnen med CPR-nummer eller pseudonymt id herunder.",
                          en: "No column can be the child id\(nameLike.isEmpty ? "" : " (\(nameLike.map { "'\($0)'" }.joined(separator: ", ")) look like names, not ids)"). Choose the column with the CPR number or pseudonymous id below.")
        }
        /// The choices make a profile the mapper refuses.
        public static let invalidChoice = Phrase(da: "Valgene passer ikke sammen (fx samme spørgsmål to gange). Ret dem herunder.",
                                                 en: "The choices do not fit together (the same item twice, say). Please correct them below.")
        /// The dry run or import failed with a usage problem (no occasion in the file).
        public static let noOccasion = Phrase(da: "Rækkerne angiver ingen måling: vælg målingen herover og prøvekør igen.",
                                              en: "The rows name no occasion: choose the occasion above and run the dry run again.")
        /// A re-delivery whose responses differ from the stored ones.
        public static func conflictCount(_ count: Int) -> Phrase {
            Phrase(da: "\(count) \(count == 1 ? "besvarelse" : "besvarelser") i filen er allerede gemt fra en anden fil med andre svar; intet fra filen er gemt.",
                   en: "\(count) \(count == 1 ? "response" : "responses") in the file are already stored from another file with other answers; nothing from the file was stored.")
        }
        /// The caption of the conflict table.
        public static func conflictCaption(shown: Int, total: Int) -> Phrase {
            shown < total
                ? Phrase(da: "De første \(shown) af \(total)", en: "The first \(shown) of \(total)")
                : Phrase(da: "Besvarelser, der allerede er gemt", en: "Responses already stored")
        }
        public static let row = Phrase(da: "Række", en: "Row")
        public static let informantHeading = Phrase(da: "Informant", en: "Informant")
        public static let childHeading = Phrase(da: "Barn (pseudonym)", en: "Child (pseudonym)")
        public static let earlierFile = Phrase(da: "Gemt fra filen", en: "Stored from the file")
        /// What replacing does, under the dry run's conflict table.
        public static let replaceExplained = Phrase(
            da: "Er filen en rettet udgave, så vælg »Indlæs og erstat«: filens besvarelser erstatter de gemte, og de gamle svar gemmes i revisionsloggen. Ellers annullér.",
            en: "If the file is a corrected version, choose \"Import and replace\": its responses replace the stored ones, and the old answers are kept in the audit log. Otherwise cancel.")
        /// After an import refused for conflicts.
        public static let replaceAgain = Phrase(
            da: "Er filen en rettet udgave, så indlæs den igen og vælg »Indlæs og erstat« under prøvekørslen.",
            en: "If the file is a corrected version, upload it again and choose \"Import and replace\" below the dry run.")
        public static let replaceNow = Phrase(da: "Indlæs og erstat", en: "Import and replace")
        /// After a replacing import.
        public static func replacedCount(_ count: Int) -> Phrase {
            Phrase(da: "\(count) gemte \(count == 1 ? "besvarelse er erstattet" : "besvarelser er erstattet"); de gamle svar står i revisionsloggen.",
                   en: "\(count) stored \(count == 1 ? "response was" : "responses were") replaced; the old answers are in the audit log.")
        }

        /// The dry run or import failed for the file as a whole.
        public static let fileRefused = Phrase(
            da: "Filen kan ikke indlæses med disse valg, og intet fra den er gemt. Tjek især id-kolonnen (hver række skal have sit eget barn) og skemaet.",
            en: "The file cannot be imported with these choices, and nothing from it was stored. Check the id column (each row needs its own child) and the form in particular.")

        // MARK: - The validation report

        /// The column of a problem with the whole row.
        public static let wholeRow = Phrase(da: "(hele rækken)", en: "(whole row)")
        /// Row `n` (and its line, when different).
        public static func row(_ row: Int?, line: Int?) -> Phrase {
            guard let row else { return "–" }
            guard let line, line != row + 1 else { return Phrase(stringLiteral: "\(row)") }
            return Phrase(da: "\(row) (linje \(line))", en: "\(row) (line \(line))")
        }

        /// What the names of record parts in profile maps read as.
        static func what(_ name: String) -> Phrase {
            switch name {
            case "occasion": Phrase(da: "målingen", en: "occasion")
            case "informant": Phrase(da: "informanten", en: "informant")
            case "date": Phrase(da: "datoen", en: "date")
            case "class": Phrase(da: "klassen", en: "class")
            case "school": Phrase(da: "skolen", en: "school")
            case "sex": Phrase(da: "kønnet", en: "sex")
            case "birth date": Phrase(da: "fødselsdatoen", en: "birth date")
            default: Phrase(stringLiteral: name)
            }
        }

        /// The child id is missing.
        public static let missingChildId = Phrase(da: "barnets id mangler; forventet et CPR-nummer eller pseudonymt id",
                                                  en: "the child id is missing; expected a CPR number or pseudonymous id")
        /// The informant is not one Kortlæg knows.
        public static let notAnInformant = Phrase(da: "ukendt informant; forventet child, parent, teacher eller professional",
                                                  en: "expected an informant: child, parent, teacher, professional")
        /// The date cannot be read.
        public static let notADate = Phrase(da: "forventet en dato som ÅÅÅÅ-MM-DD (eller DD-MM-ÅÅÅÅ)", en: "expected a date as YYYY-MM-DD (or DD-MM-YYYY)")
        /// Not an answer to an item; `choices` (code, label) empty for number and text items.
        public static func notAnAnswer(item: String, variable: String, choices: [(code: Int, label: LocalizedText)],
                                       expectsNumber: Bool, nearest: String?) -> Phrase {
            let da: String, en: String
            if choices.isEmpty {
                da = expectsNumber ? "et tal" : "tekst"
                en = expectsNumber ? "a number" : "text"
            } else {
                da = "en af " + choices.map { "\($0.code) »\($0.label.text(.danish))«" }.joined(separator: ", ") + " (kode eller tekst) eller tom"
                en = "one of " + choices.map { "\($0.code) '\($0.label.text(.english))'" }.joined(separator: ", ") + " (code or label) or blank"
            }
            return Phrase(da: "ikke et svar på spørgsmål \(item) (\(variable)); forventet \(da)\(nearest.map { "; nærmeste svartekst er »\($0)«" } ?? "")",
                          en: "not an answer to item \(item) (\(variable)); expected \(en)\(nearest.map { "; the nearest label is '\($0)'" } ?? "")")
        }
        /// The profile maps this field's values and the value is not among them.
        public static func notInMap(_ what: String, expected: [String]) -> Phrase {
            Phrase(da: "indlæsningsprofilen kender ikke denne værdi for \(Self.what(what).da); forventet en af \(expected.joined(separator: ", "))",
                   en: "no \(what) is defined for this value in the profile; expected one of \(expected.joined(separator: ", "))")
        }
        /// A birth year was expected.
        public static let notABirthYear = Phrase(da: "forventet et firecifret fødselsår", en: "expected a four-digit birth year")
        /// A birth month was expected.
        public static let notABirthMonth = Phrase(da: "forventet en fødselsmåned 1-12", en: "expected a birth month 1-12")
        /// A birth date was expected.
        public static let notABirthDate = Phrase(da: "forventet en fødselsdato som DD-MM-ÅÅÅÅ, D.M.ÅÅÅÅ eller ÅÅÅÅ-MM-DD",
                                                 en: "expected a birth date as DD-MM-YYYY, D.M.YYYY or YYYY-MM-DD")
        /// An age in whole years was expected.
        public static let notAnAge = Phrase(da: "forventet en alder i hele år (fx 10 eller 10 år)",
                                            en: "expected an age in whole years (e.g. 10 or 10 år)")
        /// A row with the wrong number of fields.
        public static func raggedRow(found: Int, expected: Int) -> Phrase {
            Phrase(da: "rækken har \(found) felter; forventet \(expected) som overskriften", en: "the row has \(found) fields; expected \(expected) like the header")
        }
        /// The occasion is not T1, Fn or T2.
        public static let notAnOccasion = Phrase(da: "forventet en måling T1, F1, F2, … eller T2", en: "expected an occasion T1, F1, F2, … or T2")
        /// A response repeating an earlier row's child, occasion, informant and instrument.
        public static func repeatedRow(_ occasion: String) -> Phrase {
            Phrase(da: "samme barn, måling (\(occasion)), informant og skema står tidligere i filen; kun den første gemmes",
                   en: "the same child, occasion (\(occasion)), informant and instrument appear earlier in this file; only the first is kept")
        }
        /// The store found no child id.
        public static let emptyChildId = Phrase(da: "barnets id er tomt; hver besvarelse skal have barnets id",
                                                en: "the child id is empty; every response needs the child's id")
        /// A class or school name holding a CPR number.
        public static let cprInName = Phrase(da: "klassens eller skolens navn indeholder et CPR-nummer (vises ikke); ret det i filen",
                                             en: "the class or school name holds a CPR number (not shown); correct it in the file")
        /// A problem Kortlæg has no Danish words for (the command line's English reason in English).
        public static func otherProblem(_ english: String) -> Phrase {
            Phrase(da: "værdien kan ikke indlæses (kommandolinjens afvisningsrapport har detaljerne)", en: english)
        }

        // MARK: - The dry run's counts

        /// What the dry run or the import found.
        public static func storedCounts(accepted: Int, newChildren: Int, rejected: Int, unchanged: Int, dryRun: Bool) -> Phrase {
            let verbDa = dryRun ? "Besvarelser der ville blive gemt" : "Gemte besvarelser", verbEn = dryRun ? "would be stored" : "stored"
            return Phrase(da: "\(verbDa): \(accepted); nye børn: \(newChildren); afviste rækker: \(rejected)\(unchanged > 0 ? "; uændrede (findes allerede): \(unchanged)" : "").",
                          en: "Responses \(verbEn): \(accepted); new children: \(newChildren); rows rejected: \(rejected)\(unchanged > 0 ? "; unchanged (already stored): \(unchanged)" : "").")
        }

        /// Answers given as missing codes.
        public static func missingAnswers(_ count: Int) -> Phrase {
            Phrase(da: "\(count) svar er angivet med en kode for manglende svar og læses som ubesvarede.",
                   en: "\(count) answers are given as missing codes and read as not answered.")
        }

        /// Rows repeating a child.
        public static func repeated(_ rows: Int, children: Int) -> Phrase {
            Phrase(da: "\(rows) række(r) gentager barn, måling og informant fra en tidligere række; filens besvarelser er for \(children) børn.",
                   en: "\(rows) row(s) repeat the child, occasion and informant of an earlier row; the file's responses are for \(children) children.")
        }

        /// More problems than shown.
        public static func moreProblems(_ shown: Int) -> Phrase {
            Phrase(da: "Kun de første \(shown) problemer vises.", en: "Only the first \(shown) problems are shown.")
        }
    }
}
