/// One variable (column) of an exported dataset, with everything SPSS, Stata and DDI need.
public struct ExportVariable: Hashable, Sendable {
    /// The storage type of a variable.
    public enum ValueType: Hashable, Sendable {
        /// A number (stored as a double).
        case numeric
        /// Text of at most `width` UTF-8 bytes (at least 1).
        case string(width: Int)
    }

    /// The level of measurement (SPSS "measure"; DDI `intrvl`).
    public enum MeasureLevel: String, Hashable, Sendable {
        case nominal, ordinal, scale
    }

    /// The variable name: at most 32 characters, a letter first, then letters, digits and `_`
    /// (valid in SPSS and Stata; see ``VariableName``).
    public var name: String
    /// The variable label (Danish by default).
    public var label: String
    /// Numeric or string.
    public var type: ValueType
    /// Value labels: code → label, in ascending code order when written.
    public var valueLabels: [Int: String]
    /// Declared missing values (at most 3, SPSS's limit). SPSS stores the code and declares it
    /// missing; Stata stores the extended missing value `.a`, `.b`, … in order.
    public var missingCodes: [ExportMissingCode]
    /// The level of measurement.
    public var measure: MeasureLevel
    /// Number of decimals shown (0 for integer scores and codes).
    public var decimals: Int
    /// Whether the variable holds personal free text (written only on request).
    public var personalData: Bool
    /// The values the variable can take (a score's range, a change's −span…span), when known.
    /// No declared missing code may lie inside it (checked by ``ExportDataset/validate()``); the
    /// DDI codebook writes it as `valrng`.
    public var validRange: ClosedRange<Double>?

    /// Creates a variable.
    public init(
        name: String, label: String, type: ValueType = .numeric, valueLabels: [Int: String] = [:],
        missingCodes: [ExportMissingCode] = [], measure: MeasureLevel = .scale, decimals: Int = 0,
        personalData: Bool = false, validRange: ClosedRange<Double>? = nil
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.valueLabels = valueLabels
        self.missingCodes = missingCodes
        self.measure = measure
        self.decimals = decimals
        self.personalData = personalData
        self.validRange = validRange
    }

    /// Whether the variable is numeric.
    public var isNumeric: Bool {
        if case .numeric = type { return true }
        return false
    }

    /// The name of the variable's value-label set (Stata and SPSS share one set per variable).
    var labelSetName: String { "l_" + name }
}

/// A declared missing value: a numeric code (SPSS) with its Stata extended-missing tag and a label.
public struct ExportMissingCode: Hashable, Sendable {
    /// The code stored in SPSS and CSV codebooks (e.g. -9).
    public var code: Int
    /// The Stata extended missing letter (`a` for `.a`).
    public var tag: Character
    /// What the code means.
    public var label: String

    /// Creates a missing code.
    public init(code: Int, tag: Character, label: String) {
        self.code = code
        self.tag = tag
        self.label = label
    }
}
