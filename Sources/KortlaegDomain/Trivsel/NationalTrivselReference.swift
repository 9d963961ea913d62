import Foundation

/// Published national trivselsmåling means, stored as data with their source
/// (`Instruments/trivsel/national-reference.json`).
public struct NationalTrivselReference: Codable, Hashable, Sendable {
    /// The national means of one school year.
    public struct Year: Codable, Hashable, Sendable {
        /// The school year as written (`2017/2018`).
        public var schoolYear: String
        /// Means by indicator id (``TrivselIndicator/rawValue``).
        public var means: [String: Double]

        /// The parsed school year.
        public var year: SchoolYear? { SchoolYear(schoolYear) }

        /// The mean of `indicator`, if given.
        public func mean(_ indicator: TrivselIndicator) -> Double? { means[indicator.rawValue] }
    }

    /// What the file holds.
    public var description: String?
    /// Where the figures come from.
    public var source: String
    /// False while taken from secondary sources only.
    public var verified: Bool
    /// Notes on use.
    public var note: String?
    /// The years, oldest first.
    public var years: [Year]

    /// Loads the reference file.
    /// - Parameters:
    ///   - path: The file.
    ///   - indicators: The indicators the instrument files define; the file may give means of these only.
    /// - Throws: ``InstrumentError/unreadableFile(path:reason:)`` naming the file and the problem.
    public static func load(path: String, indicators: TrivselIndicators) throws -> NationalTrivselReference {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InstrumentError.unreadableFile(path: path, reason: "the national reference file cannot be opened")
        }
        do {
            let reference = try JSONDecoder().decode(NationalTrivselReference.self, from: data)
            for (index, year) in reference.years.enumerated() {
                guard year.year != nil else {
                    throw InstrumentError.unreadableFile(
                        path: path, reason: "$.years[\(index)].schoolYear: '\(year.schoolYear)' is not a school year like 2017/2018")
                }
                for key in year.means.keys.sorted() where indicators[key] == nil {
                    throw InstrumentError.unreadableFile(
                        path: path, reason: "$.years[\(index)].means.\(key): unknown indicator; expected one of "
                            + indicators.all.map(\.rawValue).joined(separator: ", "))
                }
            }
            return reference
        } catch let error as DecodingError {
            throw InstrumentError.unreadableFile(path: path, reason: describe(error))
        }
    }
}
