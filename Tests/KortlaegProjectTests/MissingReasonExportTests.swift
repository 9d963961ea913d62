import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegReaders
import KortlaegStore
import KortlaegStoreSQLite
import KortlaegTestSupport
import Testing
@testable import KortlaegProject

/// Issue 13: the reasons of source missing codes reach `export --items` as reason variables
/// (`<item>_mr_<occasion>`, long shape `<item>_mr`), read back from .sav and .dta with pyreadstat
/// and from the CSV as text. The codes are ``AnswerReason``'s: 0 answered, 1 empty field,
/// 2 a code without a reason, 3 not asked, 4 refused, 5 don't know; -8/.b no response.
@Suite(.serialized) struct MissingReasonExportTests {
    /// Reads the columns of a .sav/.dta with user-missing values kept (`user_missing=True`: SPSS
    /// -8 stays -8.0, Stata's `.b` comes as the letter 'b'), with their value labels.
    private static let readScript = """
        import json, math, sys, pyreadstat
        path, kind = sys.argv[1], sys.argv[2]
        reader = pyreadstat.read_sav if kind == 'sav' else pyreadstat.read_dta
        data, meta = reader(path, user_missing=True, output_format='dict')
        def clean(v):
            if hasattr(v, 'item'): v = v.item()
            if isinstance(v, float) and math.isnan(v): return None
            return v
        def key(c):
            return str(int(c)) if isinstance(c, (int, float)) and c == c else str(c)
        labels = {k: {key(c): l for c, l in v.items()} for k, v in meta.variable_value_labels.items()}
        print(json.dumps({'data': {k: [clean(v) for v in vs] for k, vs in data.items()}, 'labels': labels,
                          'variableLabels': dict(zip(meta.column_names, meta.column_labels))}))
        """

    /// A project with barn-1 and barn-2 at T1 and barn-1 alone at T2. At T1 barn-1 answered
    /// pworries `NA` (not asked), psomatic `9` (don't know), pconsid `-99` (refused), prestles `.`
    /// (a code without a reason) and left pshares empty; every other answer is 1. barn-2 and
    /// barn-1 at T2 answered every item 1.
    private func project() throws -> (folder: URL, path: String) {
        let folder = try useCaseFolder()
        let path = folder.appendingPathComponent("p.kortlaeg").path
        _ = try ProjectLocation.create(path, project: ProjectInfo(), operator: "tester")
        let special = ["worries": "NA", "somatic": "9", "consid": "-99", "restles": ".", "shares": ""]
        let header = (["id"] + sdqItems.map { "p" + $0 }).joined(separator: ",")
        let t1 = header + "\nbarn-1," + sdqItems.map { special[$0] ?? "1" }.joined(separator: ",")
            + "\nbarn-2," + sdqItems.map { _ in "1" }.joined(separator: ",") + "\n"
        let t2 = header + "\nbarn-1," + sdqItems.map { _ in "1" }.joined(separator: ",") + "\n"
        for (name, text, occasion) in [("t1.csv", t1, Occasion("T1")), ("t2.csv", t2, Occasion("T2"))] {
            let file = folder.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            var request = ProjectImport.Request(project: path, files: [file.path], instruments: repositoryInstruments,
                                                profilesDirectory: profilesDirectory, operator: "tester")
            request.occasion = occasion
            request.missingCodes = [MissingCode(value: "NA", meaning: .notAsked), MissingCode(value: "9", meaning: .dontKnow),
                                    MissingCode(value: "-99", meaning: .refused), MissingCode(value: ".")]
            let result = try ProjectImport.run(request, sink: CollectingSink())
            #expect(result.severity == .success, "\(result)")
        }
        return (folder, path)
    }

    private func export(_ project: (folder: URL, path: String), format: ExportFormat, shape: ExportShape = .wide,
                        language: Language = .danish) throws -> String {
        let output = project.folder.appendingPathComponent("eksport-\(shape)-\(language.rawValue).\(format.rawValue)").path
        var request = ExportRequest(source: .project(project.path), catalog: repositoryInstruments, format: format, shape: shape,
                                    includeItems: true, output: output, salt: .named("eval"), operator: "KB", tool: "kortlaeg test")
        request.language = language
        _ = try ExportUseCase.run(request, sink: CollectingSink())
        return output
    }

    /// The export pseudonym of a child id of the project.
    private func pseudonym(_ child: String, project: String) throws -> String {
        let store = try SQLiteProjectStore.open(at: project)
        let key = try PseudonymKey(bytes: try store.derivedKey(purpose: ExportUseCase.keyPurpose))
        return KortlaegExport.Pseudonymizer(key: key, salt: .named("eval")).pseudonym(for: try store.pseudonym(for: child))
    }

    /// barn-1's reasons at T1 by item, as written above.
    private let reasonsAtT1: [String: Double] = ["worries": 3, "somatic": 5, "consid": 4, "restles": 2, "shares": 1, "tantrum": 0]

    @Test(arguments: [ExportFormat.sav, .dta])
    func reasonVariablesReadBackFromStatisticalFiles(_ format: ExportFormat) throws {
        let project = try project()
        let output = try export(project, format: format)
        let result = try runPython(Self.readScript, [output, format.rawValue])
        try #require(result.status == 0, "pyreadstat failed: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let data = try #require(json["data"] as? [String: [Any]])
        let ids = try #require(data["id"] as? [String])
        let one = try #require(ids.firstIndex(of: try pseudonym("barn-1", project: project.path)))
        let two = try #require(ids.firstIndex(of: try pseudonym("barn-2", project: project.path)))
        for (item, reason) in reasonsAtT1 {
            let column = try #require(data["p\(item)_mr_t1"], "p\(item)_mr_t1")
            #expect(column[one] as? Double == reason, "p\(item)_mr_t1: \(column[one])")
            #expect(column[two] as? Double == 0, "barn-2 answered p\(item)")
            #expect(data["p\(item)_mr_t2"]?[one] as? Double == 0, "barn-1 answered p\(item) at T2")
            // barn-2 has no T2 response: -8 in SPSS, .b in Stata.
            let none = data["p\(item)_mr_t2"]?[two]
            if format == .sav { #expect(none as? Double == -8, "\(String(describing: none))") } else { #expect(none as? String == "b") }
        }
        // The item variable of a missing code is "not answered" (-9/.a), never the code.
        let worries = try #require(data["pworries_t1"])
        if format == .sav { #expect(worries[one] as? Double == -9) } else { #expect(worries[one] as? String == "a") }
        #expect(worries[two] as? Double == 1)
        // Danish value labels and variable label.
        let labels = try #require((json["labels"] as? [String: [String: String]])?["pworries_mr_t1"])
        #expect(labels["0"] == "Besvaret" && labels["1"] == "Ikke besvaret (tomt felt)"
                && labels["2"] == "Mangler (kildens mangelkode uden grund)" && labels["3"] == "Ikke relevant/ikke spurgt"
                && labels["4"] == "Nægtet at svare" && labels["5"] == "Ved ikke", "\(labels)")
        let variableLabel = (json["variableLabels"] as? [String: Any])?["pworries_mr_t1"] as? String
        #expect(variableLabel?.hasSuffix("(T1): grund til manglende svar") == true, "\(String(describing: variableLabel))")
    }

    @Test func longShapeAndCSVAndCodebook() throws {
        let project = try project()
        let output = try export(project, format: .csv, shape: .long)
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        // The reason variable follows its item.
        let worries = try #require(header.firstIndex(of: "pworries"))
        #expect(header[worries + 1] == "pworries_mr")
        let one = try pseudonym("barn-1", project: project.path)
        let first = try #require(rows.first { $0["id"] == one && $0["occasion"] == "1" })
        for (item, reason) in reasonsAtT1 { #expect(first["p\(item)_mr"] == String(Int(reason)), "p\(item)_mr") }
        #expect(first["pworries"] == "" && first["ptantrum"] == "1")
        #expect(rows.filter { !($0["id"] == one && $0["occasion"] == "1") }.allSatisfy { $0["pworries_mr"] == "0" })
        // The codebook explains the variables and lists the labels.
        // Markdown escapes (`\\_`, `\\<`) taken out.
        let codebook = try String(contentsOfFile: output + ".codebook.md", encoding: .utf8).replacingOccurrences(of: "\\", with: "")
        #expect(codebook.contains((
            "Grund til manglende svar: variablen <spørgsmål>_mr (bred form: <spørgsmål>_mr_<måletidspunkt>) ved hvert spørgsmål: "
            + "0 besvaret, 1 ikke besvaret (tomt felt), 2 mangler (kildens mangelkode uden grund), 3 ikke relevant/ikke spurgt, "
            + "4 nægtet at svare, 5 ved ikke; -8/.b ingen besvarelse ved måletidspunktet.")), "\(codebook)")
        #expect(codebook.contains((
            "0 = Besvaret; 1 = Ikke besvaret (tomt felt); 2 = Mangler (kildens mangelkode uden grund); 3 = Ikke relevant/ikke spurgt; 4 = Nægtet at svare; 5 = Ved ikke")))
    }

    @Test func englishLabels() throws {
        let project = try project()
        let output = try export(project, format: .csv, language: .english)
        let codebook = try String(contentsOfFile: output + ".codebook.md", encoding: .utf8).replacingOccurrences(of: "\\", with: "")
        #expect(codebook.contains(("0 = Answered; 1 = Not answered (empty field); 2 = Missing (source missing code, no reason given); 3 = Not applicable/not asked; 4 = Refused; 5 = Don't know")))
        #expect(codebook.contains("reason for missing answer"))
    }

    /// The same answers with other reasons (`NA` now meaning "don't know"): a conflict that says
    /// only the reasons differ; barn-2 is unchanged.
    @Test func aRedeliveryWithOtherReasonsIsAConflictThatSaysWhy() throws {
        let project = try project()
        let special = ["worries": "NA", "somatic": "9", "consid": "-99", "restles": ".", "shares": ""]
        let header = (["id"] + sdqItems.map { "p" + $0 }).joined(separator: ",")
        let file = project.folder.appendingPathComponent("t1-igen.csv")
        try (header + "\nbarn-2," + sdqItems.map { _ in "1" }.joined(separator: ",")
             + "\nbarn-1," + sdqItems.map { special[$0] ?? "1" }.joined(separator: ",") + "\n").write(to: file, atomically: true, encoding: .utf8)
        var request = ProjectImport.Request(project: project.path, files: [file.path], instruments: repositoryInstruments,
                                            profilesDirectory: profilesDirectory, operator: "tester")
        request.occasion = Occasion("T1")
        request.missingCodes = [MissingCode(value: "NA", meaning: .dontKnow), MissingCode(value: "9", meaning: .dontKnow),
                                MissingCode(value: "-99", meaning: .refused), MissingCode(value: ".")]
        let sink = CollectingSink()
        let result = try ProjectImport.run(request, sink: sink)
        #expect(result.severity == .conflict)
        #expect(sink.errors.contains { $0.hasSuffix("1 responses were already delivered by another file with other answers; nothing from this file was imported (0 other records were fine, 1 identical to the stored ones).") },
                "\(sink.errors)")
        #expect(sink.notes.contains { $0.hasPrefix("  row 2: sdq-p4-17 T1 parent (child ")
                                      && $0.hasSuffix("): already from t1.csv (same answers; only the reasons of missing answers differ)") },
                "\(sink.notes)")
        // With --replace the new reason is stored.
        request.replace = true
        #expect(try ProjectImport.run(request, sink: CollectingSink()).severity == .success)
        let store = try SQLiteProjectStore.open(at: project.path)
        var reasons: [[String: String]] = []
        try store.responses(ResponseQuery()) { if $0.occasion.code == "T1" { reasons.append($0.missingReasons) } }
        #expect(reasons.contains(["worries": "dontKnow", "somatic": "dontKnow", "consid": "refused", "restles": "missing"]), "\(reasons)")
    }

    /// A project whose responses carry no source missing code gets no reason variables.
    @Test func noReasonsNoVariables() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let output = folder.appendingPathComponent("eval.csv").path
        _ = try ExportUseCase.run(ExportRequest(source: .project(project), catalog: repositoryInstruments, format: .csv, includeItems: true,
                                                output: output, salt: .named("eval"), operator: "KB", tool: "kortlaeg test"),
                                  sink: CollectingSink())
        let header = try String(contentsOfFile: output, encoding: .utf8).prefix { $0 != "\n" && $0 != "\r" }
        #expect(header.contains("pworries_t1") && !header.contains("_mr"))
    }
}
