import Foundation
import KortlaegReaders

/// CSV rows written as a renderer makes them, never held as one table or one string: into a file
/// (a temporary file beside it, renamed when complete, so a failed run leaves no half file) or to
/// standard output. The bytes are those of `CSVTable.text(raw:)`: comma, LF, a field quoted only
/// when it needs it, formula cells neutralised unless `raw`.
enum StreamedCSV {
    /// Writes the rows `rows` hands over to `output`, or to standard output when it is nil.
    static func write(to output: String?, raw: Bool, rows: (([String]) throws -> Void) throws -> Void) throws {
        let cells: CSVCellPolicy = raw ? .raw : .spreadsheet
        guard let output else {
            let writer = CSVWriter(fileHandle: .standardOutput, lineEnding: .lf, cells: cells)
            try rows { try writer.write($0) }
            try writer.flush()
            return
        }
        let file = OutputFile(destination: output)
        do {
            try file.create()
            do {
                let writer = try CSVWriter(path: file.temporaryPath, lineEnding: .lf, cells: cells)
                try rows { try writer.write($0) }
                try writer.flush()
            }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}
