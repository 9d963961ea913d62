import KortlaegStore
import Foundation
import GRDB
import KortlaegDomain

extension SQLiteProjectStore {
    /// The profile recorded in `importBatch` for trivselsmåling results files.
    public static let trivselResultsProfile = "trivsel-results"

    public func importTrivselResults(_ batch: ImportBatch, results: [TrivselResult], rejects: [ImportReject],
                                     options: TrivselImportOptions) throws -> TrivselImportOutcome {
        try TrivselImport<SQLiteImportBackend>.importFile(batch, results: results, rejects: rejects, options: options,
                                                          store: self)
    }

    public func trivselResults() throws -> [TrivselResult] {
        try wrap {
            try dbQueue.read { db in
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT f.*, s.name AS schoolName, b.fileName AS fileName
                    FROM trivselFigure f JOIN school s ON s.id = f.schoolId JOIN importBatch b ON b.id = f.batchId
                    ORDER BY f.batchId, f.row, f.id
                    """)
                var results: [TrivselResult] = []
                var current: (batchId: Int64, row: Int)?
                while let row = try rows.next() {
                    let figure = try TrivselFigureRecord(row: row)
                    let indicator = TrivselIndicator(rawValue: figure.indicator)
                    if current.map({ $0.batchId != figure.batchId || $0.row != figure.row }) ?? true {
                        let fileName: String = row["fileName"]
                        results.append(TrivselResult(schoolYear: figure.schoolYear.map(SchoolYear.init(endYear:)),
                                                     school: row["schoolName"], grade: figure.grade, figures: [:],
                                                     location: "\(fileName):\(figure.line)", row: figure.row,
                                                     line: figure.line))
                        current = (figure.batchId, figure.row)
                    }
                    var shares: [HighestWellBeingDefinition: Double] = [:]
                    shares[.above3] = figure.shareGt3
                    shares[.above4] = figure.shareGt4
                    results[results.count - 1].figures[indicator] = TrivselFigure(mean: figure.mean, pupils: figure.pupils,
                                                                                  highestWellBeing: shares)
                }
                return results
            }
        }
    }
}
