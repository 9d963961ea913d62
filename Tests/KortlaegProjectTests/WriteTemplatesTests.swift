import KortlaegReaders
import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// The `template` use case. Expectations from the definition files: in
/// `Instruments/batteries/kv-inklusion@0.1.0.json` the parent answers sdq-p4-17@1.0.0 at T1 and
/// T2; the child answers only from age 11. In `Instruments/sdq/sdq-p4-17@1.0.0.json` the first
/// item is `pconsid` ("Hensynsfuld" / "Considerate") on the answer scale 0 Passer ikke / Not true,
/// 1 Passer delvist / Somewhat true, 2 Passer godt / Certainly true.
struct WriteTemplatesTests {
    let battery: Battery = {
        do { return try BatteryCatalog.load(directory: instrumentsDirectory).resolve("kv-inklusion") } catch { fatalError("\(error)") }
    }()

    /// The item variables of sdq-p4-17@1.0.0, read from its file.
    static let parentVariables: [String] = {
        let url = URL(fileURLWithPath: instrumentsDirectory + "/sdq/sdq-p4-17@1.0.0.json")
        let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (json["items"] as! [[String: Any]]).map { $0["variable"] as! String }
    }()

    /// Whether the file starts with the UTF-8 byte order mark Excel needs.
    func hasByteOrderMark(_ path: String) -> Bool {
        FileManager.default.contents(atPath: path)?.prefix(3) == Data([0xEF, 0xBB, 0xBF])
    }

    func request(_ folder: URL, informant: Informant? = .parent, occasion: String = "T1", age: Int? = nil,
                 language: Language = .danish) -> WriteTemplates.Request {
        WriteTemplates.Request(battery: battery, instruments: repositoryInstruments, informant: informant, occasion: occasion,
                               age: age, folder: folder.appendingPathComponent("skabeloner").path, language: language)
    }

    @Test func writesTheTemplateAndItsCodebookForDanishExcel() throws {
        let folder = try useCaseFolder()
        let sink = CollectingSink()
        let templates = try WriteTemplates.run(request(folder), sink: sink)
        let base = folder.appendingPathComponent("skabeloner/kv-inklusion-T1-parent-sdq-p4-17").path
        #expect(templates.map(\.instrument) == [InstrumentReference(id: "sdq-p4-17", version: "1.0.0")])
        #expect(templates.map { [$0.csv, $0.codebookCSV, $0.codebookMarkdown] } == [[base + ".csv", base + "-codebook.csv", base + "-codebook.md"]])
        #expect(sink.notes == ["wrote \(base).csv with its codebook (sdq-p4-17@1.0.0)"])

        #expect(hasByteOrderMark(base + ".csv") && hasByteOrderMark(base + "-codebook.csv"))
        let csv = try String(contentsOfFile: base + ".csv", encoding: .utf8).replacingOccurrences(of: "\u{FEFF}", with: "")
        #expect(csv == (["child_id", "occasion", "date", "klasse", "køn", "fødselsdato"] + Self.parentVariables).joined(separator: ";") + "\r\n")
        let codebook = try String(contentsOfFile: base + "-codebook.csv", encoding: .utf8)
            .replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n")
        #expect(codebook[0] == "variabel;spørgsmål;svar;instrument")
        #expect(codebook[1] == "child_id;Barnets id (brug aldrig CPR-nummer);;")
        #expect(codebook[2] == "occasion;Tidspunkt;T1;")
        #expect(codebook[4] == "klasse;Klasse (fx 4.a);;")
        #expect(codebook[5] == "køn;Køn;pige | dreng;")
        #expect(codebook[6] == "fødselsdato;Fødselsdato (DD-MM-ÅÅÅÅ, kun år og måned gemmes);;")
        #expect(codebook[7] == "pconsid;Hensynsfuld;0 = Passer ikke | 1 = Passer delvist | 2 = Passer godt | tom = ikke besvaret;sdq-p4-17@1.0.0")
        // The header, six fixed columns, one row per item, and the empty text after the last CRLF.
        #expect(codebook.count == 7 + Self.parentVariables.count + 1 && codebook.last == "")
        let markdown = try String(contentsOfFile: base + "-codebook.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# SDQ forældreskema 4-17 år — Kortlægningsværktøj: Tværfaglig indsats for inklusion i skolen, T1\n"))
        #expect(markdown.contains("| pconsid | Hensynsfuld | 0 = Passer ikke \\| 1 = Passer delvist \\| 2 = Passer godt \\| tom = ikke besvaret | sdq-p4-17@1.0.0 |"))
    }

    @Test func englishCodebook() throws {
        let folder = try useCaseFolder()
        let templates = try WriteTemplates.run(request(folder, language: .english), sink: CollectingSink())
        let codebook = try String(contentsOfFile: try #require(templates.first).codebookCSV, encoding: .utf8)
            .replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n")
        #expect(codebook[0] == "variable;question;answers;instrument")
        #expect(codebook[3] == "date;Date (YYYY-MM-DD);;")
        #expect(codebook[7] == "pconsid;Considerate;0 = Not true | 1 = Somewhat true | 2 = Certainly true | blank = not answered;sdq-p4-17@1.0.0")
    }

    @Test(arguments: [
        (Informant.parent, "T3", nil, "kv-inklusion@0.1.0 has no occasion 'T3'. Please use one of T1, F1, F2, …, T2."),
        (.child, "T1", 9, "In kv-inklusion@0.1.0 the child answers nothing at T1 for age 9."),
    ] as [(Informant, String, Int?, String)])
    func usageErrorsWriteNothing(_ informant: Informant, _ occasion: String, _ age: Int?, _ message: String) throws {
        let folder = try useCaseFolder()
        let error = expectFailure { () throws(KortlaegError) in
            try WriteTemplates.run(request(folder, informant: informant, occasion: occasion, age: age), sink: CollectingSink())
        }
        #expect(error?.severity == .usage && error?.message == message)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// `--informant all`: every informant who answers something at T1 for a 12-year-old (the
    /// battery: parent sdq-p4-17, teacher sdq-t4-17, the child sdq-s11-17 from age 11), in one
    /// folder, the file names carrying the informant.
    @Test func allInformantsInOneFolder() throws {
        let folder = try useCaseFolder()
        let sink = CollectingSink()
        let templates = try WriteTemplates.run(request(folder, informant: nil, age: 12), sink: sink)
        let byInformant = Dictionary(grouping: templates, by: \.informant).mapValues { $0.map(\.instrument.id) }
        #expect(byInformant[.parent]?.contains("sdq-p4-17") == true)
        #expect(byInformant[.teacher]?.contains("sdq-t4-17") == true)
        #expect(byInformant[.child]?.contains("sdq-s11-17") == true)
        for template in templates {
            #expect(template.csv.contains("-T1-\(template.informant.rawValue)-\(template.instrument.id).csv"))
            #expect(FileManager.default.fileExists(atPath: template.csv))
        }
        // Without an age the child's forms (from 11) are written too; an informant with nothing is named.
        let none = expectFailure { () throws(KortlaegError) in
            try WriteTemplates.run(request(folder, informant: nil, occasion: "T9"), sink: CollectingSink())
        }
        #expect(none?.severity == .usage)
    }

    @Test(arguments: [("forælder", Informant.parent), ("foraelder", .parent), ("Forælder", .parent), ("lærer", .teacher),
                      ("laerer", .teacher), ("barn", .child), ("child", .child), ("fagperson", .professional)])
    func danishInformantNames(name: String, informant: Informant) {
        #expect(Informant(name: name) == informant)
    }

    @Test func unknownInformantNameIsNil() {
        #expect(Informant(name: "mor") == nil)
    }

    /// A filled-in template imports back without a mapping: the child's attributes (klasse,
    /// køn, fødselsdato), the occasion and date from their columns, every answer as written.
    @Test func filledTemplateImportsBack() throws {
        let folder = try useCaseFolder()
        let template = try #require(try WriteTemplates.run(request(folder), sink: CollectingSink()).first)
        let header = try String(contentsOfFile: template.csv, encoding: .utf8)
        let items = try repositoryInstruments.resolve("sdq-p4-17").items
        // Item k's answer: k % 3 for the 25 items; the impact supplement left blank.
        let answers = items.enumerated().map { $0.offset < 25 ? String($0.offset % 3) : "" }
        let row = (["elev-0042", "T1", "03-09-2026", "4.a", "pige", "05-03-2015"] + answers).joined(separator: ";")
        try (header + row + "\r\n").write(toFile: template.csv, atomically: true, encoding: .utf8)

        let project = folder.appendingPathComponent("p.kortlaeg").path
        let store = try ProjectLocation.create(project, project: ProjectInfo(municipality: "Jammerbugt"), operator: "tester")
        let sink = CollectingSink()
        let result = try ProjectImport.run(ProjectImport.Request(project: project, files: [template.csv], instruments: repositoryInstruments,
                                                                 profilesDirectory: profilesDirectory, operator: "tester"), sink: sink)
        #expect(result.severity == .success, "\(sink.text)")
        #expect(sink.notes.contains { $0.hasSuffix("child id: column 'child_id' (its header names an id)") })
        let response = try #require(try ChildLookup(store: store).find("elev-0042").responses.first)
        #expect(response.occasion == .initial && response.date == "2026-09-03")
        #expect(response.attributes.className == "4.a" && response.attributes.sex == "pige")
        #expect(response.attributes.birthYear == 2015 && response.attributes.birthMonth == 3)
        for (index, item) in items.prefix(25).enumerated() {
            #expect(response.answers[item.id] == .code(index % 3), "\(item.variable)")
        }
    }
}
