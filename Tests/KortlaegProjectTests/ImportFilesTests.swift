import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// The `import --output` use case on the readers' fixtures and generated files.
struct ImportFilesTests {
    let redcap = readerFixtures.appendingPathComponent("import/redcap-sdq-parent.csv").path
    let lars = readerFixtures.appendingPathComponent("fhir/kl-children-QuestionnaireResponse-SDQ4-10AnswerLars.json").path

    /// An import of `files` into `output` with the profile of Lars's FHIR response.
    func larsImport(_ files: [String], output: String) -> ImportFiles.Request {
        var request = ImportFiles.Request(files: files, instruments: repositoryInstruments,
                                          profilesDirectory: profilesDirectory, output: output)
        request.profile = "kl-children-sdq4-10"
        return request
    }

    /// The REDCap fixture has five records: 101 at baseline (25 items coded 1, ebddiff 0) and at
    /// follow-up (25 zeros and 8 impact-section answers), 102 at baseline with a '3' on a 0–2
    /// item (rejected), 102 at an event with no answers (empty), 103 at an event no occasion is
    /// defined for (rejected).
    @Test func recognisesReportsAndWritesRejects() throws {
        let folder = try useCaseFolder()
        let output = folder.appendingPathComponent("answers.csv").path
        let sink = CollectingSink()
        let result = try ImportFiles.run(ImportFiles.Request(files: [redcap], instruments: repositoryInstruments,
                                                             profilesDirectory: profilesDirectory, output: output), sink: sink)
        #expect(result.severity == .rowsRejected)
        let file = try #require(result.files.first)
        #expect(file.failure == nil && file.severity == .rowsRejected)
        #expect(file.summary.kind == "REDCap record CSV" && file.summary.profile == "redcap-sdq-parent" && file.summary.profileChosenForFile)
        #expect(file.summary.instrument == "sdq-p4-17@1.0.0")
        let counts: [Int] = [file.summary.read, file.summary.accepted, file.summary.rejected, file.summary.empty]
        #expect(counts == [5, 2, 2, 1])

        #expect(sink.notes.contains("\(redcap): REDCap record CSV (CSV header with record_id/redcap_event_name)"))
        #expect(sink.notes.contains("\(redcap): profile redcap-sdq-parent (chosen for this kind of file), instrument sdq-p4-17@1.0.0"))
        #expect(sink.notes.contains("\(redcap): records read 5, accepted 2, rejected 2, without answers 1"))
        let rejects = folder.appendingPathComponent("answers-rejects.csv").path
        #expect(result.rejectsPath == rejects)
        #expect(sink.notes.last == "rejected records are listed in \(rejects)")

        let report = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(report.hasPrefix("file,location,field,value,reason\n"))
        #expect(report.contains("row 5 (line 6),(occasion),unknown_arm_1,\"no occasion is defined"))
        #expect(!report.contains(",102,") && !report.contains(",103,"), "child ids are never in the rejects report")
        // 26 answers of 101 at T1 + 33 at T2 + the header.
        let written = try lines(of: output)
        #expect(written.count == 60)
        #expect(written[0] == "child_id,occasion,informant,instrument,version,item,variable,code")
        #expect(written[1] == "101,T1,parent,sdq-p4-17,1.0.0,consid,pconsid,1")
    }

    /// The long rows are written field by field as every CSV output is: RFC 4180 quoting of a
    /// comma or a quote, a formula-like cell neutralised with a leading `'` (the lead of a
    /// response encoded once for all its rows; item, variable and codes once per file).
    @Test func longRowsQuoteAndNeutraliseTheirFields() throws {
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("ids.csv").path
        try "id,pconsid,prestles\n\"a,b\",1,2\n=x,2,\n\"say \"\"hi\"\"\",0,1\n".write(toFile: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("answers.csv").path
        var request = ImportFiles.Request(files: [input], instruments: repositoryInstruments, profilesDirectory: profilesDirectory,
                                          output: output)
        request.instrument = "sdq-p4-17"
        _ = try ImportFiles.run(request, sink: CollectingSink())
        #expect(try lines(of: output) == [
            "child_id,occasion,informant,instrument,version,item,variable,code",
            "\"a,b\",,parent,sdq-p4-17,1.0.0,consid,pconsid,1",
            "\"a,b\",,parent,sdq-p4-17,1.0.0,restles,prestles,2",
            "'=x,,parent,sdq-p4-17,1.0.0,consid,pconsid,2",
            "\"say \"\"hi\"\"\",,parent,sdq-p4-17,1.0.0,consid,pconsid,0",
            "\"say \"\"hi\"\"\",,parent,sdq-p4-17,1.0.0,restles,prestles,1",
        ])
    }

    @Test func dryRunWritesNothingAndReportsTheProblems() throws {
        let folder = try useCaseFolder()
        var request = ImportFiles.Request(files: [redcap], instruments: repositoryInstruments, profilesDirectory: profilesDirectory,
                                          output: folder.appendingPathComponent("x.csv").path)
        request.dryRun = true
        let sink = CollectingSink()
        let result = try ImportFiles.run(request, sink: sink)
        #expect(result.severity == .rowsRejected && result.rejectsPath == nil)
        #expect(sink.notes.last == "dry run: nothing written")
        // The two rejected records' problems, located, as errors.
        #expect(sink.errors.count >= 2 && sink.errors.allSatisfy { $0.hasPrefix("\(redcap): row ") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A hostile XML file between two good ones fails alone; the good ones are scored.
    @Test func hostileXMLFailsAloneAndTheOthersAreScored() throws {
        let folder = try useCaseFolder()
        let hostile = try writeHostileXML(in: folder)
        let output = folder.appendingPathComponent("scores.csv").path
        var request = larsImport([lars, hostile, lars], output: output)
        request.score = true
        let sink = CollectingSink()
        let result = try ImportFiles.run(request, sink: sink)
        #expect(result.severity == .invalidInput)
        #expect(result.files.map(\.severity) == [.success, .invalidInput, .success])
        #expect(result.files[1].failure?.contains("DOCTYPE") == true)
        #expect(sink.notes.contains("\(hostile): not imported; records read before the problem: 0"))
        let written = try lines(of: output)
        #expect(written.count == 3)
        // Hand-computed in ResponseMapperTests: emotion 3, conduct 1, hyper 2, peer 0, prosocial 10,
        // total 6, impact 0, externalising 3, internalising 3.
        #expect(written[1].hasPrefix("Patient/Lars,,parent,sdq-p4-17,1.0.0,2024-04-23,3,1,2,0,10,6,0,3,3,"))
        #expect(written[1] == written[2])
        // The first good file's rows were renamed into the output, the second's appended; no
        // temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["hostile.xml", "scores.csv"])
    }

    /// A first file that fails leaves nothing of itself: the next file's rows, header first, are
    /// the output (the first committed file becomes the output by a rename).
    @Test func aFailedFirstFileLeavesTheNextFileAsTheOutput() throws {
        let folder = try useCaseFolder()
        let hostile = try writeHostileXML(in: folder)
        let output = folder.appendingPathComponent("answers.csv").path
        let result = try ImportFiles.run(larsImport([hostile, lars, lars], output: output), sink: CollectingSink())
        #expect(result.files.map(\.severity) == [.invalidInput, .success, .success])
        let written = try lines(of: output)
        #expect(written.first == "child_id,occasion,informant,instrument,version,item,variable,code")
        #expect(written.filter { $0.hasPrefix("child_id,") }.count == 1)
        // Both deliveries of Lars's answers, in order: the second half repeats the first.
        let rows = Array(written.dropFirst())
        #expect(rows.count > 0 && rows.count % 2 == 0)
        #expect(Array(rows.prefix(rows.count / 2)) == Array(rows.suffix(rows.count / 2)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["answers.csv", "hostile.xml"])
    }

    /// With `score` the files must be for one instrument: a teacher file after a parent file
    /// fails alone (its rows are not written).
    @Test func scoringRefusesASecondInstrument() throws {
        let folder = try useCaseFolder()
        let parent = folder.appendingPathComponent("parent.csv")
        try writeParentCSV(parent, rows: 3) { "barn-\($0)" }
        let teacher = folder.appendingPathComponent("teacher.csv")
        let items = sdqItems.prefix(25).map { "t" + $0 }
        try ((["id"] + items).joined(separator: ",") + "\nbarn-1," + items.map { _ in "1" }.joined(separator: ",") + "\n")
            .write(to: teacher, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("scores.csv").path
        var request = ImportFiles.Request(files: [parent.path, teacher.path], instruments: repositoryInstruments,
                                          profilesDirectory: profilesDirectory, output: output)
        request.score = true
        let sink = CollectingSink()
        let result = try ImportFiles.run(request, sink: sink)
        #expect(result.severity == .invalidInput)
        #expect(result.files[1].failure == "\(teacher.path): the file is for sdq-t4-17@1.0.0 but --score writes one table for sdq-p4-17@1.0.0; import it in a separate run.")
        let written = try lines(of: output)
        #expect(written.count == 4 && written.dropFirst().allSatisfy { $0.hasPrefix("barn-") && $0.contains(",parent,sdq-p4-17,") })
    }

    @Test func missingFileIsNotFoundBeforeAnythingIsWritten() throws {
        let folder = try useCaseFolder()
        let missing = folder.appendingPathComponent("nope.csv").path
        let error = expectFailure { () throws(KortlaegError) in
            try ImportFiles.run(ImportFiles.Request(files: [redcap, missing], instruments: repositoryInstruments,
                                                    profilesDirectory: profilesDirectory,
                                                    output: folder.appendingPathComponent("x.csv").path), sink: CollectingSink())
        }
        #expect(error?.severity == .notFound && error?.message == "\(missing): no such file.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func unknownProfileIsAUsageError() throws {
        var request = ImportFiles.Request(files: [redcap], instruments: repositoryInstruments, profilesDirectory: profilesDirectory,
                                          output: nil)
        request.profile = "redcap-sdq-parnet"
        let error = expectFailure { () throws(KortlaegError) in try ImportFiles.run(request, sink: CollectingSink()) }
        #expect(error?.severity == .usage && error?.message.contains("redcap-sdq-parnet") == true, "\(error?.message ?? "")")
    }

    /// An output that cannot be created ends the run with cannotWrite and leaves no temporary file.
    @Test func unwritableOutputIsCannotWrite() throws {
        let folder = try useCaseFolder()
        let output = folder.appendingPathComponent("missing-folder/answers.csv").path
        let error = expectFailure { () throws(KortlaegError) in
            try ImportFiles.run(ImportFiles.Request(files: [redcap], instruments: repositoryInstruments,
                                                    profilesDirectory: profilesDirectory, output: output), sink: CollectingSink())
        }
        #expect(error?.severity == .cannotWrite)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
