/// Excel's serial dates: days since 1899-12-30 in the 1900 date system (the one Excel for
/// Windows and openpyxl write; serial 1 is 1900-01-01, and Excel's phantom 1900-02-29 lies before
/// every date a questionnaire holds).
///
/// Source: ECMA-376 Part 1, §18.17.4.1 (date representation, 1900 date base system).
enum ExcelDate {
    /// `YYYY-MM-DD` for a serial (its fraction, the time of day, dropped); nil outside 1900–9999.
    static func iso(serial: Double) -> String? {
        guard serial.isFinite, serial >= 61, serial < 2_958_466 else { return nil }
        // Days from 1970-01-01: serial 25569 is 1970-01-01.
        let days = Int(serial.rounded(.down)) - 25_569
        // Civil date from days since the epoch (Howard Hinnant's days_from_civil inverse).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
