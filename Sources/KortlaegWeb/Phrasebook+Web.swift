import KortlaegProject
import KortlaegReports

extension Phrasebook {
    /// The texts of the web application (`kortlaeg serve`).
    enum Web {
        static let overview = Phrase(da: "Overblik", en: "Overview")
        static let importTitle = Phrase(da: "Indlæs", en: "Import")
        static let entryTitle = Phrase(da: "Indtast skema", en: "Enter a form")
        static let progressTitle = Phrase(da: "Udvikling", en: "Progress")
        static let instrumentsWithResponses = Phrase(da: "Skemaer med gemte besvarelser:", en: "Instruments with stored responses:")
        static let exportsTitle = Phrase(da: "Udtræk", en: "Exports")
        static let auditTitle = Phrase(da: "Revisionslog", en: "Audit log")
        static let menu = Phrase(da: "Hovedmenu", en: "Main menu")
        static let logOut = Phrase(da: "Log ud", en: "Log out")
        static let logIn = Phrase(da: "Log ind", en: "Log in")
        static let skip = Phrase(da: "Gå til indholdet", en: "Skip to content")
        static let userName = Phrase(da: "Brugernavn", en: "User name")
        static let password = Phrase(da: "Adgangskode", en: "Password")
        static let refused = Phrase(da: "Forkert brugernavn eller adgangskode.", en: "Wrong user name or password.")
        static func locked(_ failures: Int, _ minutes: Int) -> Phrase {
            Phrase(da: "Efter \(failures) forkerte forsøg er brugeren spærret i \(minutes) minutter. Prøv igen senere.",
                   en: "After \(failures) failed attempts the user is locked for \(minutes) minutes. Please try again later.")
        }
        static let noChildFound = Phrase(da: "Intet barn i projektet passer til det angivne id.",
                                         en: "No child in the project matches the id given.")
        static let tool = Phrase(da: "Kortlægningsværktøj og version", en: "Mapping tool and version")
        static let notGiven = Phrase(da: "ikke angivet", en: "not given")
        static let municipality = Phrase(da: "Kommune", en: "Municipality")
        static let model = Phrase(da: "Indsatsmodel", en: "Intervention model")
        static let children = Phrase(da: "Børn", en: "Children")
        static let occasions = Phrase(da: "Målinger", en: "Occasions")
        static let none = Phrase(da: "ingen endnu", en: "none yet")
        static let find = Phrase(da: "Find et barn eller en klasse", en: "Find a child or a class")
        static let childSearch = Phrase(da: "Barnets CPR-nummer eller pseudonym (vises og gemmes ikke)",
                                        en: "The child's CPR number or pseudonym (never shown or stored)")
        static let search = Phrase(da: "Søg", en: "Search")
        static let className = Phrase(da: "Klasse", en: "Class")
        static let allClasses = Phrase(da: "Alle klasser", en: "All classes")
        static let show = Phrase(da: "Vis", en: "Show")
        static func classPicture(_ name: String) -> Phrase { Phrase(da: "Klassebillede: \(name)", en: "Class picture: \(name)") }
        static let classNameHoldsCPR = Phrase(da: "Klassenavnet indeholder et CPR-nummer. Skriv klassens navn uden CPR-nummer.",
                                               en: "The class name contains a CPR number. Type the class name without it.")
        static let missingForms = Phrase(da: "Manglende skemaer", en: "Missing forms")
        static let noResponses = Phrase(da: "Projektet har endnu ingen besvarelser. Indlæs en fil under »Indlæs«.",
                                        en: "The project has no responses yet. Import a file under “Import”.")
        static func gridSummary(_ children: Int, _ complete: Int) -> Phrase {
            Phrase(da: "\(children) børn; \(complete) har alle skemaer, \(children - complete) mangler mindst ét.",
                   en: "\(children) children; \(complete) have every form, \(children - complete) miss at least one.")
        }
        static let gridCaption = Phrase(da: "Børn × måling × informant: ✓ = skema modtaget", en: "Children × occasion × informant: ✓ = form received")
        static let child = Phrase(da: "Barn", en: "Child")
        static func informant(_ informant: Informant) -> Phrase { Phrase(da: informant.danishName, en: informant.rawValue) }
        static let present = Phrase(da: "modtaget", en: "received")
        static let missing = Phrase(da: "mangler", en: "missing")
        static let childTitle = Phrase(da: "Barn", en: "Child")
        static let backToOverview = Phrase(da: "Tilbage til overblikket", en: "Back to the overview")
        static let backToChild = Phrase(da: "Tilbage til barnets side", en: "Back to the child's page")
        static let parentVersion = Phrase(da: "Forældreversion (til udskrift)", en: "Parent version (for printing)")
        static let printHint = Phrase(da: "Udskriv med browserens »Udskriv« (Ctrl+P); siden fylder én til to A4-sider.",
                                      en: "Print with the browser's “Print” (Ctrl+P); the page fills one or two A4 pages.")
        static let ownLabel = Phrase(da: "Jeres egen betegnelse for barnet (fx et fornavn; aldrig et CPR-nummer)",
                                     en: "Your own label for the child (e.g. a first name; never a CPR number)")
        static let saveLabel = Phrase(da: "Gem betegnelse", en: "Save label")
        static let labelSearch = Phrase(da: "Jeres egen betegnelse for barnet", en: "Your own label for the child")
        static let labelColumn = Phrase(da: "Betegnelse", en: "Label")
        static func labelMatches(_ count: Int) -> Phrase {
            Phrase(da: "\(count) børn har en betegnelse, der passer:", en: "\(count) children have a matching label:")
        }
        static let noLabelMatch = Phrase(da: "Intet barn har en betegnelse, der passer.", en: "No child has a matching label.")
        static func missingFormsCell(_ occasion: String, _ informant: String, _ count: Int) -> Phrase {
            Phrase(da: "\(occasion), \(informant): \(count) mangler", en: "\(occasion), \(informant): \(count) missing")
        }
        /// An audit action as the audit page names it.
        static func auditAction(_ action: AuditAction) -> Phrase {
            switch action {
            case .create: Phrase(da: "oprettet", en: "created")
            case .import: Phrase(da: "indlæst", en: "imported")
            case .replace: Phrase(da: "erstattet", en: "replaced")
            case .rescore: Phrase(da: "genberegnet", en: "rescored")
            case .export: Phrase(da: "udtræk", en: "export")
            case .report: Phrase(da: "rapport skrevet", en: "report written")
            case .view: Phrase(da: "side vist", en: "page viewed")
            case .user: Phrase(da: "bruger", en: "user")
            case .label: Phrase(da: "betegnelse", en: "label")
            case .copy: Phrase(da: "kopieret", en: "copied")
            case .removeImport: Phrase(da: "indlæsning fortrudt", en: "import undone")
            }
        }
        static let instrument = Phrase(da: "Skema (instrument)", en: "Form (instrument)")
        static let from = Phrase(da: "Fra måling", en: "From occasion")
        static let to = Phrase(da: "Til måling", en: "To occasion")
        static let groupBy = Phrase(da: "Opdel efter", en: "Group by")
        static let noGrouping = Phrase(da: "Ingen opdeling", en: "No grouping")
        static let progressIntro = Phrase(
            da: "Børn med begge målinger parres. For hver skala vises gennemsnittet før og efter, ændringen, om den er større end tilfældig variation (test og effektstørrelse), hvor mange der har ændret sig pålideligt (RCI), og andelen over grænseværdien. Grupper under 5 børn vises kun med antal.",
            en: "Children with both occasions are paired. For each scale: the mean before and after, the change, whether it is larger than chance (test and effect size), how many changed reliably (RCI), and the share above the cut-off. Groups under 5 children show counts only.")
        static let exportIntro = Phrase(
            da: "Udtrækket indeholder kun pseudonymer (nye for hvert udtræk), scorer og kodebog. Hvert udtræk skrives i revisionsloggen.",
            en: "The export holds pseudonyms only (new for each export), scores and a codebook. Every export is written to the audit log.")
        static let format = Phrase(da: "Filformat", en: "File format")
        static let shape = Phrase(da: "Form", en: "Shape")
        static let wide = Phrase(da: "Én række pr. barn", en: "One row per child")
        static let long = Phrase(da: "Én række pr. barn, måling og informant", en: "One row per child, occasion and informant")
        static let allInstruments = Phrase(da: "Alle skemaer", en: "All forms")
        static let download = Phrase(da: "Hent udtræk", en: "Download export")
        static let auditIntro = Phrase(da: "Hvem indlæste, så et barns side, udtrak og ændrede hvad – nyeste først.",
                                       en: "Who imported, viewed a child's page, exported and changed what – newest first.")
        static let when = Phrase(da: "Tidspunkt (UTC)", en: "When (UTC)")
        static let who = Phrase(da: "Hvem", en: "Who")
        static let action = Phrase(da: "Handling", en: "Action")
        static let what = Phrase(da: "Hvad", en: "What")
        static let noFile = Phrase(da: "Vælg en fil.", en: "Please choose a file.")
        static func importIntro(_ megabytes: Int) -> Phrase {
            Phrase(da: "Vælg en fil (CSV, Excel .xlsx, ODM/REDCap-XML, FHIR eller SurveyXact, højst \(megabytes) MB). Først vises en prøvekørsel med alle fejl; der gemmes intet, før du trykker »Indlæs nu«.",
                   en: "Choose a file (CSV, Excel .xlsx, ODM/REDCap XML, FHIR or SurveyXact, at most \(megabytes) MB). A dry run with every problem comes first; nothing is stored until you press “Import now”.")
        }
        static let file = Phrase(da: "Fil", en: "File")
        static let check = Phrase(da: "Prøvekør", en: "Dry run")
        static let occasion = Phrase(da: "Måling", en: "Occasion")
        static let fromFile = Phrase(da: "Som angivet i filen", en: "As given in the file")
        static let recognised = Phrase(da: "Genkendes fra filen", en: "Recognised from the file")
        static let detected = Phrase(da: "Genkendt format", en: "Format detected")
        static let notRecognised = Phrase(da: "ikke genkendt", en: "not recognised")
        static let records = Phrase(da: "Rækker", en: "Records")
        static func recordCounts(_ read: Int, _ accepted: Int, _ rejected: Int) -> Phrase {
            Phrase(da: "\(read) læst, \(accepted) gyldige, \(rejected) afvist", en: "\(read) read, \(accepted) valid, \(rejected) rejected")
        }
        static let dryRunTitle = Phrase(da: "Prøvekørsel", en: "Dry run")
        static let dryRunDone = Phrase(da: "Prøvekørsel: intet er gemt endnu.", en: "Dry run: nothing has been stored yet.")
        static let imported = Phrase(da: "Filen er indlæst.", en: "The file was imported.")
        static let alreadyImported = Phrase(da: "Denne fil er allerede indlæst; intet blev ændret.", en: "This file was imported before; nothing changed.")
        static let conflicts = Phrase(da: "Filen leverer besvarelser, som en anden fil allerede har leveret; intet fra filen er gemt.",
                                      en: "The file re-delivers responses another file delivered; nothing from it was stored.")
        static let validationReport = Phrase(da: "Valideringsrapport", en: "Validation report")
        static let importNow = Phrase(da: "Indlæs nu", en: "Import now")
        static let cancel = Phrase(da: "Annullér", en: "Cancel")
        static let entryIntro = Phrase(da: "Vælg skemaet for at indtaste et papirskema.", en: "Choose the form to type in a paper questionnaire.")
        static func entryFor(_ instrument: String) -> Phrase {
            Phrase(da: "Skema \(instrument): kun gyldige svarkoder kan vælges. Besvarelsen gemmes med denne version og skrives i revisionsloggen.",
                   en: "Form \(instrument): only valid answer codes can be chosen. The response is stored with this version and written to the audit log.")
        }
        static let entryItems = Phrase(da: "Spørgsmål (nummer og kort betegnelse)", en: "Items (number and short label)")
        static let item = Phrase(da: "Spørgsmål", en: "Item")
        static let answer = Phrase(da: "Svar", en: "Answer")
        static let unanswered = Phrase(da: "ikke besvaret", en: "not answered")
        static let save = Phrase(da: "Gem besvarelsen", en: "Save the response")
        static let entered = Phrase(da: "Besvarelsen er gemt.", en: "The response was saved.")
        static let alreadyEntered = Phrase(da: "Præcis denne besvarelse er allerede gemt; intet blev ændret.", en: "This very response was saved before; nothing changed.")
        static let enteredConflict = Phrase(da: "Barnet har allerede en besvarelse af dette skema ved denne måling; intet blev gemt.",
                                            en: "The child already has a response to this form at this occasion; nothing was saved.")
    }
}
