import KortlaegReaders

/// The message for a file that was read without a problem but gave no response at all: nothing
/// in it matched the instrument (an ODM export without the SDQ form, the wrong profile). Such an
/// import fails (exit 65) instead of succeeding with an empty output.
enum NothingImported {
    static func message(file: String, report: ImportFileReport) -> String {
        let instrument = report.instrument.map { " to \($0)" } ?? ""
        return "\(file): nothing imported: none of its \(report.read) record(s) holds an answer\(instrument). "
            + "Please check that the file holds the questionnaire (the fields not mapped are listed above) "
            + "and choose the instrument with --instrument or the mapping with --profile."
    }
}
