import Foundation

/// One row of a REDCap data dictionary CSV.
public struct REDCapDictionaryField: Sendable, Equatable {
    /// `Variable / Field Name`.
    public var name: String
    /// `Form Name` (the instrument).
    public var form: String
    /// `Field Type` (`radio`, `checkbox`, `text`, `calc`, …).
    public var type: String
    /// `Field Label`.
    public var label: String
    /// `Text Validation Type OR Show Slider Number` (e.g. `number_comma_decimal`).
    public var validation: String
    /// Parsed choices for `radio`, `dropdown` and `checkbox` fields; empty otherwise.
    public var choices: [REDCapChoice]

    /// The decimal style the field's values use, from its validation type, if numeric.
    public var decimalStyle: DecimalStyle? {
        if validation.contains("comma_decimal") { return .comma }
        if validation.hasPrefix("number") || validation == "integer" || type == "calc" { return .point }
        return nil
    }

    /// Reads a data dictionary CSV (any encoding and delimiter ``CSVReader`` detects).
    /// - Throws: ``CSVError``, or ``REDCapError/missingColumn(file:column:)``.
    public static func readDictionary(path: String) throws -> [REDCapDictionaryField] {
        let reader = try CSVReader(path: path)
        func column(_ name: String) throws -> Int {
            guard let index = reader.header.firstIndex(of: name) else {
                throw REDCapError.missingColumn(file: path, column: name)
            }
            return index
        }
        let nameColumn = try column("Variable / Field Name")
        let formColumn = try column("Form Name")
        let typeColumn = try column("Field Type")
        let labelColumn = try column("Field Label")
        let choicesColumn = try column("Choices, Calculations, OR Slider Labels")
        let validationColumn = reader.header.firstIndex(of: "Text Validation Type OR Show Slider Number")
        var fields: [REDCapDictionaryField] = []
        while let record = try reader.next() {
            try reader.checkFieldCount(record)
            let type = record.fields[typeColumn]
            let choices = ["radio", "dropdown", "checkbox"].contains(type)
                ? REDCapChoice.parseList(record.fields[choicesColumn]) : []
            fields.append(REDCapDictionaryField(
                name: record.fields[nameColumn], form: record.fields[formColumn], type: type,
                label: record.fields[labelColumn], validation: validationColumn.map { record.fields[$0] } ?? "",
                choices: choices))
        }
        return fields
    }
}
