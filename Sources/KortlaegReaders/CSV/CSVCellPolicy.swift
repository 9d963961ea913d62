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
        guard self == .spreadsheet, let first = cell.utf8.first, Self.triggers.contains(first) else { return cell }
        if Self.isPlainNumber(cell) { return cell }
        return "'" + cell
    }

    /// Whether a cell beginning with `byte` may be a formula (`=`, `+`, `-`, `@`, TAB, CR).
    static func mayTrigger(_ byte: UInt8) -> Bool { triggers.contains(byte) }

    /// `=`, `+`, `-`, `@`, TAB, CR.
    private static let triggers: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// A sign, digits and at most one decimal point or comma: `-1`, `+2,5`.
    static func isPlainNumber(_ cell: String) -> Bool {
        var digits = 0
        var separators = 0
        for (index, byte) in cell.utf8.enumerated() {
            switch byte {
            case 0x30...0x39: digits += 1
            case 0x2B, 0x2D: if index != 0 { return false }
            case 0x2C, 0x2E: if digits == 0 { return false } else { separators += 1 }
            default: return false
            }
        }
        return digits > 0 && separators <= 1
    }
}
