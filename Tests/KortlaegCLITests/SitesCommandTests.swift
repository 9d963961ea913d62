import Foundation
import KortlaegExport
import KortlaegTestSupport
import Testing

/// Site tags (issue 14) end to end: `score --site` / a `kommune` column, `progress` and `export`
/// with several score files per occasion, `--by site`, `import --site` into a project, the UK norm
/// set chosen with `--norm-set`.
///
/// The fixtures are built here: parent SDQ files whose every item (pconsid … pattends) is answered
/// with one code c and whose impact items are 0. By "Scoring the SDQ" (youthinmind) the total
/// difficulties score is then 5c (emotional) + 4c + (2 − c) (conduct, pobeys reversed) + 3c + 2(2 − c)
/// (hyperactivity, preflect and pattends reversed) + 3c + 2(2 − c) (peer, pfriend and ppopular
/// reversed) = 10c + 10: 10, 20, 30 for c = 0, 1, 2.
///
/// Two sites, one id (elev-0001) at both:
///
/// | child | sex | T1 (c) | T2 (c) | pebdtot change |
/// |---|---|---|---|---|
/// | Aarhus elev-0001 | dreng | 30 (2) | 20 (1) | −10 |
/// | Aarhus elev-0002 | pige | 20 (1) | 20 (1) | 0 |
/// | Odense elev-0001 | pige | 10 (0) | 20 (1) | +10 |
/// | Odense elev-0003 | dreng | 20 (1) | 10 (0) | −10 |
///
/// Mean change −2.5 over the four; Aarhus −5, Odense 0. Without site identity elev-0001 would be
/// a duplicate at both occasions and only two children would pair.
@Suite(.serialized) struct SitesCommandTests {
    typealias Child = (id: String, sex: String, code: Int)

    static let aarhusT1: [Child] = [("elev-0001", "dreng", 2), ("elev-0002", "pige", 1)]
    static let aarhusT2: [Child] = [("elev-0001", "dreng", 1), ("elev-0002", "pige", 1)]
    static let odenseT1: [Child] = [("elev-0001", "pige", 0), ("elev-0003", "dreng", 1)]
    static let odenseT2: [Child] = [("elev-0001", "pige", 1), ("elev-0003", "dreng", 0)]

    /// A responses file; with `kommune` a `kommune` column gives each row's site.
    func responses(_ children: [Child], _ name: String, in folder: URL, kommune: String? = nil) throws -> String {
        let items = parentHeader.dropFirst()
        var header = ["barn_id"] + (kommune == nil ? [] : ["kommune"]) + ["klasse", "koen", "skole_id"]
        header += items
        var lines = [header.joined(separator: ",")]
        for child in children {
            let answers = items.map { ["pebddiff", "pdistres", "pimphome", "pimpfrie", "pimpclas", "pimpleis"].contains($0) ? "0" : "\(child.code)" }
            lines.append(([child.id] + (kommune.map { [$0] } ?? []) + ["4A", child.sex, "S1"] + answers).joined(separator: ","))
        }
        let path = folder.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The four score files (Aarhus tagged with --site, Odense by its kommune column).
    func scoreFiles(in folder: URL) throws -> (t1: [String], t2: [String]) {
        var t1: [String] = [], t2: [String] = []
        for (children, name, occasion) in [(Self.aarhusT1, "aarhus-T1", 1), (Self.aarhusT2, "aarhus-T2", 2)] {
            let input = try responses(children, name + ".csv", in: folder)
            let output = folder.appendingPathComponent(name + "-scores.csv").path
            let result = try runKortlaeg(["score", input, "--instrument", "sdq-p4-17", "--site", "Aarhus",
                                          "--keep", "klasse", "koen", "skole_id", "--output", output])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("site: 'Aarhus' for every row (--site); the site is part of each child's identity"))
            occasion == 1 ? t1.append(output) : t2.append(output)
        }
        for (children, name, occasion) in [(Self.odenseT1, "odense-T1", 1), (Self.odenseT2, "odense-T2", 2)] {
            let input = try responses(children, name + ".csv", in: folder, kommune: "Odense")
            let output = folder.appendingPathComponent(name + "-scores.csv").path
            let result = try runKortlaeg(["score", input, "--instrument", "sdq-p4-17", "--keep", "klasse", "koen", "skole_id",
                                          "--output", output])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("site: column 'kommune' (its name marks a site column)"))
            occasion == 1 ? t1.append(output) : t2.append(output)
        }
        return (t1, t2)
    }

    /// CSV rows by column name.
    func table(_ text: String) -> [[String: String]] {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func scoreWritesTheSiteAfterTheID() throws {
        let folder = try temporaryFolder()
        let (t1, _) = try scoreFiles(in: folder)
        let aarhus = try String(contentsOfFile: t1[0], encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(aarhus[0].hasPrefix("barn_id,site,klasse,koen,skole_id,pemotion,"))
        #expect(aarhus[1].hasPrefix("elev-0001,Aarhus,4A,dreng,S1,"))
        let odense = try String(contentsOfFile: t1[1], encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(odense[0].hasPrefix("barn_id,site,klasse,koen,skole_id,pemotion,"))
        #expect(odense[2].hasPrefix("elev-0003,Odense,4A,dreng,S1,"))
        // The total difficulties score: 10c + 10.
        #expect(table(aarhus.joined(separator: "\n")).map { $0["pebdtot"] } == ["30", "20"])
    }

    /// A blank site in a site column rejects the row (a child is known by site and id); --site and
    /// --column site= together are refused.
    @Test func aBlankSiteRejectsTheRow() throws {
        let folder = try temporaryFolder()
        let input = try responses([("elev-0001", "pige", 1), ("elev-0002", "pige", 1)], "t1.csv", in: folder, kommune: "Odense")
        var text = try String(contentsOfFile: input, encoding: .utf8)
        text = text.replacingOccurrences(of: "elev-0002,Odense,", with: "elev-0002,,")
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("s.csv").path
        let result = try runKortlaeg(["score", input, "--instrument", "sdq-p4-17", "--column", "site=kommune", "--output", output])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("site: column 'kommune' (named with --column site=…)"))
        let rejects = try String(contentsOfFile: folder.appendingPathComponent("s-rejects.csv").path, encoding: .utf8)
        #expect(rejects.contains("kommune") && rejects.contains("the site is empty; expected the site (municipality) the row comes from"))
        let both = try runKortlaeg(["score", input, "--instrument", "sdq-p4-17", "--site", "Odense", "--column", "site=kommune", "--output", output])
        #expect(both.status == 64 && both.stderr.contains("either --site NAME"))
    }

    @Test func progressReadsSeveralFilesPerOccasionAndGroupsBySite() throws {
        let folder = try temporaryFolder()
        let (t1, t2) = try scoreFiles(in: folder)
        let perChild = folder.appendingPathComponent("children.csv").path
        let result = try runKortlaeg(["progress", "--t1"] + t1 + ["--t2"] + t2 + [
            "--instrument", "sdq-p4-17", "--by", "site", "--suppress", "1", "--format", "csv", "--per-child", perChild,
            "--norm-set", "uk-1999-parent", "--reliability", "pebdtot=0.8"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("paired: 4; only T1: 0; only T2: 0; duplicates: 0"))
        #expect(result.stderr.contains("T1: 2 score files with 4 rows; sites: Aarhus, Odense (a child is known by site and id)"))
        #expect(result.stderr.contains("norm set uk-1999-parent (chosen with --norm-set)")
                && result.stderr.contains("NOT VERIFIED: the values are known only from a secondary source"))
        let groups = table(result.stdout).filter { $0["variable"] == "pebdtot" }
        let byGroup = Dictionary(uniqueKeysWithValues: groups.map { ($0["group"] ?? "", $0) })
        #expect(Set(byGroup.keys) == ["Aarhus", "Odense"])
        #expect(byGroup["Aarhus"]?["n"] == "2" && byGroup["Aarhus"]?["mean_change"].flatMap(Double.init) == -5)
        #expect(byGroup["Odense"]?["n"] == "2" && byGroup["Odense"]?["mean_change"].flatMap(Double.init) == 0)
        // Not grouped: all four children, mean change −2.5.
        let all = try runKortlaeg(["progress", "--t1"] + t1 + ["--t2"] + t2 + ["--instrument", "sdq-p4-17", "--format", "csv", "--suppress", "1"])
        let overall = table(all.stdout).first { $0["variable"] == "pebdtot" }
        #expect(overall?["n"] == "4" && overall?["mean_change"].flatMap(Double.init) == -2.5, "\(all.stdout)")

        // RCI = change / (SD·√(2(1 − r))) with r = 0.8 (--reliability) and the UK parent norm SD
        // of the child's sex (boys 6.0, girls 5.5): −10/(6·√0.4) = −2.63523138347365 and
        // +10/(5.5·√0.4) = 2.8747978728803445 (python3: -10/(6.0*math.sqrt(2*(1-0.8))), 10/(5.5*math.sqrt(0.4))).
        let children = table(try String(contentsOfFile: perChild, encoding: .utf8)).filter { $0["variable"] == "pebdtot" }
        let rci = Dictionary(uniqueKeysWithValues: children.map { ($0["child_id"] ?? "", Double($0["rci"] ?? "") ?? .nan) })
        #expect(Set(rci.keys) == ["aarhus:elev-0001", "aarhus:elev-0002", "odense:elev-0001", "odense:elev-0003"])
        #expect(abs((rci["aarhus:elev-0001"] ?? 0) - (-2.63523138347365)) < 1e-12)
        #expect(abs((rci["odense:elev-0001"] ?? 0) - 2.8747978728803445) < 1e-12)
        #expect(abs((rci["odense:elev-0003"] ?? 0) - (-2.63523138347365)) < 1e-12)
        #expect(children.first { $0["child_id"] == "aarhus:elev-0001" }?["rci_sd"].flatMap(Double.init) == 6)

        // The table names the norm set and says, in Danish, that it is not verified.
        let danish = try runKortlaeg(["progress", "--t1"] + t1 + ["--t2"] + t2 + [
            "--instrument", "sdq-p4-17", "--norm-set", "uk-1999-parent", "--reliability", "pebdtot=0.8", "--lang", "da"])
        #expect(danish.status == 0, "\(danish.stderr)")
        #expect(danish.stdout.contains("normsæt uk-1999-parent (valgt med --norm-set)") && danish.stdout.contains("IKKE VERIFICERET"))
        // Without --norm-set no norm SD is used: no RCI for pebdtot.
        let plain = try runKortlaeg(["progress", "--t1"] + t1 + ["--t2"] + t2 + ["--instrument", "sdq-p4-17", "--reliability", "pebdtot=0.8",
                                                                                  "--format", "csv", "--per-child", perChild])
        #expect(plain.status == 0, "\(plain.stderr)")
        let noNorms = table(try String(contentsOfFile: perChild, encoding: .utf8)).filter { $0["variable"] == "pebdtot" && $0["change"] != "" }
        #expect(!noNorms.isEmpty && noNorms.allSatisfy { $0["rci"] == "" })
        // --by site needs a site column.
        let plainT1 = folder.appendingPathComponent("untagged-T1.csv").path
        #expect(try runKortlaeg(["score", folder.appendingPathComponent("aarhus-T1.csv").path, "--instrument", "sdq-p4-17",
                                 "--output", plainT1]).status == 0)
        let untagged = try runKortlaeg(["progress", "--t1", plainT1, "--t2", plainT1, "--instrument", "sdq-p4-17", "--by", "site"])
        #expect(untagged.status == 64 && untagged.stderr.contains("No file has a site column to group by 'site'"), "\(untagged.stderr)")
    }

    @Test func exportCarriesSitesAndKeptColumnsAsCovariates() throws {
        let folder = try temporaryFolder()
        let (t1, t2) = try scoreFiles(in: folder)
        let keyFile = folder.appendingPathComponent("projekt.key")
        try Data("0123456789abcdef0123456789abcdef\n".utf8).write(to: keyFile)
        let output = folder.appendingPathComponent("pooled.sav").path
        let result = try runKortlaeg(["export", "--t1"] + t1 + ["--t2"] + t2 + [
            "--instrument", "sdq-p4-17", "--format", "sav", "--key-file", keyFile.path, "--stable-salt", "eval",
            "--norm-set", "uk-1999-parent", "--reliability", "pebdtot=0.8", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("ids: site and id (site column in 4 of 4 files)"))
        guard let back = try readBackProjectExport(output, kind: "sav") else { return }
        let pseudonymizer = Pseudonymizer(key: try PseudonymKey.file(keyFile.path), salt: .named("eval"))
        #expect((back.data["id"] as? [String])?.count == 4)
        #expect(Array(back.columns.prefix(5)) == ["id", "site", "class", "sex", "skole_id"])
        // Per child: its site, class (klasse), sex (koen), the kept skole_id, the scores and the RCI.
        let expected: [(key: String, site: String, sex: String, t1: Double, t2: Double, rci: Double?)] = [
            ("aarhus:elev-0001", "Aarhus", "dreng", 30, 20, -2.63523138347365),
            ("aarhus:elev-0002", "Aarhus", "pige", 20, 20, 0),
            ("odense:elev-0001", "Odense", "pige", 10, 20, 2.8747978728803445),
            ("odense:elev-0003", "Odense", "dreng", 20, 10, -2.63523138347365),
        ]
        for child in expected {
            let row = try #require(back.row(of: pseudonymizer.pseudonym(for: child.key)), "\(child.key)")
            #expect(back.text("site", row) == child.site && back.text("class", row) == "4A" && back.text("sex", row) == child.sex)
            #expect(back.text("skole_id", row) == "S1")
            #expect(back.number("pebdtot_t1", row) == child.t1 && back.number("pebdtot_t2", row) == child.t2)
            #expect(back.number("pebdtot_chg", row) == child.t2 - child.t1)
            if let rci = child.rci { #expect(abs((back.number("pebdtot_rci", row) ?? .nan) - rci) < 1e-9) }
        }
        let labels = back.json["labels"] as? [String: String?]
        #expect(labels?["skole_id"] == "Kolonnen 'skole_id' i scorefilen")
        #expect(labels?["site"] == "Sted (kommune); del af barnets identitet")
        let ddi = try String(contentsOfFile: output + ".codebook.xml", encoding: .utf8)
        #expect(ddi.contains("normsæt uk-1999-parent (valgt med --norm-set)") && ddi.contains("IKKE VERIFICERET"))
        #expect(ddi.contains("female 5.5, male 6.0 (norm set uk-1999-parent, by sex, not verified"))

        // Long: one row per child and occasion, each with its site and covariates.
        let long = folder.appendingPathComponent("long.sav").path
        let longResult = try runKortlaeg(["export", "--t1"] + t1 + ["--t2"] + t2 + [
            "--instrument", "sdq-p4-17", "--format", "sav", "--shape", "long", "--output", long])
        #expect(longResult.status == 0, "\(longResult.stderr)")
        guard let rows = try readBackProjectExport(long, kind: "sav") else { return }
        #expect((rows.data["site"] as? [String])?.sorted() == ["Aarhus", "Aarhus", "Aarhus", "Aarhus", "Odense", "Odense", "Odense", "Odense"])
        #expect((rows.data["skole_id"] as? [String]) == Array(repeating: "S1", count: 8))
    }

    /// `import --site` into a project: the same ids at two sites are four children; `progress
    /// --project --by site` and the project export carry the site.
    @Test func importTagsTheProjectsChildrenWithTheirSite() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("pooled.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        for (children, name, occasion) in [(Self.aarhusT1, "aarhus-T1.csv", "T1"), (Self.aarhusT2, "aarhus-T2.csv", "T2")] {
            let file = try responses(children, name, in: folder)
            let result = try runKortlaeg(["import", file, "--project", project, "--occasion", occasion, "--site", "Aarhus"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("site: 'Aarhus' for every record (--site)"))
        }
        for (children, name, occasion) in [(Self.odenseT1, "odense-T1.csv", "T1"), (Self.odenseT2, "odense-T2.csv", "T2")] {
            let file = try responses(children, name, in: folder, kommune: "Odense")
            let result = try runKortlaeg(["import", file, "--project", project, "--occasion", occasion])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let progress = try runKortlaeg(["progress", "--project", project, "--instrument", "sdq-p4-17", "--by", "site",
                                        "--suppress", "1", "--format", "csv"])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stderr.contains("paired: 4; only T1: 0; only T2: 0; duplicates: 0"))
        let groups = Dictionary(uniqueKeysWithValues: table(progress.stdout).filter { $0["variable"] == "pebdtot" }.map { ($0["group"] ?? "", $0) })
        #expect(groups["Aarhus"]?["mean_change"].flatMap(Double.init) == -5 && groups["Odense"]?["mean_change"].flatMap(Double.init) == 0)

        // The child is found by site and id; without the site the id names no child.
        let found = try runKortlaeg(["child", "elev-0003", "--site", "Odense", "--project", project])
        #expect(found.status == 0, "\(found.stderr)")
        let untagged = try runKortlaeg(["child", "elev-0003", "--project", project])
        #expect(untagged.status != 0 && untagged.stderr.contains("No child in the project matches the id given"))

        let output = folder.appendingPathComponent("project.sav").path
        let export = try runKortlaeg(["export", "--project", project, "--format", "sav", "--output", output])
        #expect(export.status == 0, "\(export.stderr)")
        guard let back = try readBackProjectExport(output, kind: "sav") else { return }
        #expect((back.data["site"] as? [String])?.sorted() == ["Aarhus", "Aarhus", "Odense", "Odense"])
    }
}
