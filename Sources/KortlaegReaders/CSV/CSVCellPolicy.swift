/// Whether a CSV writer neutralises cells a spreadsheet would run as a formula.
///
/// Excel, LibreOffice and Google Sheets treat a cell that begins with `=`, `+`, `-`, `@`, TAB
/// or CR as a formula (`=cmd|' /C calc'!A0`). With ``spreadsheet`` such a cell is written with
/// a leading `'`, as OWASP recommends ("CSV Injection"), so the spreadsheet shows it as text.
/// Plain numbers (`-1`, `+2,5`, `-0.75`) are left as they are: they cannot run anything.
public enum CSVCellPolicy: Sendable, Equatable {
    /// Neutralise formula cells (the default for every CSV file Kortlæg writes).
    case spreadsheet
    /// Write every cell as it is (`--raw`, for programs that read the CSV).
    case raw

    /// `cell` as it is written under this policy.
    public func apply(_ cell: String) -> String {
        guard self == .spreadsheet, let first = cell.utf8.first, Self.mayTrigger(first) else { return cell }
        if Self.isPlainNumber(cell) { return cell }
        return "'" + cell
    }

    /// Whether a cell beginning with `byte` may be a formula (`=`, `+`, `-`, `@`, TAB, CR).
    static func mayTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true   // =, +, -, @, TAB, CR
        default: false
        }
    }

    /// A sign, digits and at most one decimal point or comma, and optionally an exponent: `-1`,
    /// `+2,5`, `-1.5e-05` (how Swift writes a small number: a number to Excel, never a formula).
    static func isPlainNumber(_ cell: String) -> Bool {
        let bytes = Array(cell.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
        var digits = 0
        var separators = 0
        while index < bytes.count {
            let byte = bytes[index]
            if (0x30...0x39).contains(byte) {
                digits += 1
            } else if byte == 0x2C || byte == 0x2E, digits > 0, separators == 0 {
                separators += 1
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return false }
        if index == bytes.count { return true }
        // An exponent: e or E, an optional sign, at least one digit, nothing after.
        guard bytes[index] == 0x65 || bytes[index] == 0x45 else { return false }
        index += 1
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
        let exponentStart = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return index > exponentStart && index == bytes.count
    }
}
