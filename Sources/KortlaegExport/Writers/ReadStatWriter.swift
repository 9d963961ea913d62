import CReadStat
import Foundation

// Every call into ReadStat is in this file (STYLE.md: wrap each C library once).

/// Owns one `readstat_writer_t` and the output file descriptor; frees both in `deinit`.
final class ReadStatWriter {
    /// Where ReadStat's data-writer callback sends bytes.
    private final class Sink {
        let descriptor: Int32
        var failure: Int32 = 0
        init(descriptor: Int32) { self.descriptor = descriptor }
    }

    private let writer: UnsafeMutablePointer<readstat_writer_t>
    private let sink: Sink
    private let path: String
    private let format: StatisticalFormat
    private var closed = false

    /// Longest variable label, value label and file label per format (bytes).
    private var variableLabelLimit: Int { format == .dta ? 80 : 256 }
    private var valueLabelLimit: Int { format == .dta ? 32_000 : 120 }
    private var fileLabelLimit: Int { format == .dta ? 80 : 64 }

    /// Opens (creates or truncates) `path`.
    init(path: String, format: StatisticalFormat) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw ExportError.cannotWrite(file: path, reason: String(cString: strerror(errno)))
        }
        guard let writer = readstat_writer_init() else {
            close(descriptor)
            throw ExportError.readStat(file: path, operation: "readstat_writer_init", message: "out of memory")
        }
        self.writer = writer
        self.sink = Sink(descriptor: descriptor)
        self.path = path
        self.format = format
    }

    deinit {
        readstat_writer_free(writer)
        if !closed { close(sink.descriptor) }
    }

    /// Writes the whole dataset (checked rows) and closes the file.
    func write(_ dataset: ExportDataset, timestamp: Date) throws {
        try check(readstat_set_data_writer(writer) { data, length, context in
            guard let data, let context else { return -1 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            var offset = 0
            while offset < length {
                let written = Foundation.write(sink.descriptor, data + offset, length - offset)
                if written < 0 {
                    sink.failure = errno
                    return -1
                }
                offset += written
            }
            return length
        }, "readstat_set_data_writer")
        try check(readstat_writer_set_file_label(writer, Self.wordTruncated(dataset.fileLabel ?? dataset.title, bytes: fileLabelLimit)),
                  "readstat_writer_set_file_label")
        try check(readstat_writer_set_file_timestamp(writer, time_t(timestamp.timeIntervalSince1970)),
                  "readstat_writer_set_file_timestamp")
        for note in dataset.notes {
            // SPSS keeps notes as 80-byte document lines; Stata as characteristics.
            for line in Self.lines(note, width: format == .sav ? 80 : 67_784) { readstat_add_note(writer, line) }
        }

        var handles: [UnsafeMutablePointer<readstat_variable_t>] = []
        for variable in dataset.variables {
            handles.append(try add(variable))
        }

        let context = Unmanaged.passUnretained(sink).toOpaque()
        switch format {
        case .sav: try check(readstat_begin_writing_sav(writer, context, dataset.rowCount), "readstat_begin_writing_sav")
        case .dta: try check(readstat_begin_writing_dta(writer, context, dataset.rowCount), "readstat_begin_writing_dta")
        }
        let variables = dataset.variables
        try dataset.forEachCheckedRow { row in
            try check(readstat_begin_row(writer), "readstat_begin_row")
            for index in row.indices {
                try insert(row[index], of: variables, at: index, handle: handles[index])
            }
            try check(readstat_end_row(writer), "readstat_end_row")
        }
        try check(readstat_end_writing(writer), "readstat_end_writing")
        closed = true
        if close(sink.descriptor) != 0 {
            throw ExportError.cannotWrite(file: path, reason: String(cString: strerror(errno)))
        }
    }

    // MARK: - Variables

    private func add(_ variable: ExportVariable) throws -> UnsafeMutablePointer<readstat_variable_t> {
        let type: readstat_type_t
        let width: Int
        switch variable.type {
        case .numeric: (type, width) = (READSTAT_TYPE_DOUBLE, 0)
        case let .string(stringWidth): (type, width) = (READSTAT_TYPE_STRING, max(1, stringWidth))
        }
        guard let handle = readstat_add_variable(writer, variable.name, type, width) else {
            throw ExportError.readStat(file: path, operation: "readstat_add_variable", message: "variable '\(variable.name)' was refused")
        }
        readstat_variable_set_label(handle, Self.truncated(variable.label, bytes: variableLabelLimit))
        readstat_variable_set_measure(handle, Self.measure(variable.measure))
        if variable.isNumeric {
            let decimals = max(0, min(variable.decimals, 6))
            readstat_variable_set_format(handle, format == .sav ? "F8.\(decimals)" : "%9.\(decimals)f")
        }
        if variable.isNumeric, !variable.valueLabels.isEmpty || !variable.missingCodes.isEmpty {
            guard let labels = readstat_add_label_set(writer, READSTAT_TYPE_INT32, variable.labelSetName) else {
                throw ExportError.readStat(file: path, operation: "readstat_add_label_set", message: "label set for '\(variable.name)' was refused")
            }
            for (code, label) in variable.valueLabels.sorted(by: { $0.key < $1.key }) {
                readstat_label_int32_value(labels, Int32(code), Self.truncated(label, bytes: valueLabelLimit))
            }
            for missing in variable.missingCodes {
                let label = Self.truncated(missing.label, bytes: valueLabelLimit)
                switch format {
                case .sav: readstat_label_int32_value(labels, Int32(missing.code), label)
                case .dta: readstat_label_tagged_value(labels, CChar(missing.tag.asciiValue ?? 97), label)
                }
            }
            readstat_variable_set_label_set(handle, labels)
        }
        if format == .sav {
            for missing in variable.missingCodes {
                try check(readstat_variable_add_missing_double_value(handle, Double(missing.code)),
                          "readstat_variable_add_missing_double_value")
            }
        }
        return handle
    }

    /// Writes one cell; the variable is read from `variables` only for a declared missing code
    /// (copying it per cell retained all its names, labels and codes).
    private func insert(_ value: ExportValue, of variables: [ExportVariable], at index: Int,
                        handle: UnsafeMutablePointer<readstat_variable_t>) throws {
        switch value {
        case let .number(number):
            try check(readstat_insert_double_value(writer, handle, number), "readstat_insert_double_value")
        case let .text(text):
            try check(readstat_insert_string_value(writer, handle, text), "readstat_insert_string_value")
        case .missing:
            try check(readstat_insert_missing_value(writer, handle), "readstat_insert_missing_value")
        case let .declaredMissing(code):
            guard let missing = variables[index].missingCodes.first(where: { $0.code == code }) else {
                throw ExportError.undeclaredMissingCode(variable: variables[index].name, code: code)
            }
            switch format {
            case .sav:
                try check(readstat_insert_double_value(writer, handle, Double(code)), "readstat_insert_double_value")
            case .dta:
                try check(readstat_insert_tagged_missing_value(writer, handle, CChar(missing.tag.asciiValue ?? 97)),
                          "readstat_insert_tagged_missing_value")
            }
        }
    }

    // MARK: - Helpers

    private func check(_ error: readstat_error_t, _ operation: String) throws {
        guard error != READSTAT_OK else { return }
        if sink.failure != 0 {
            throw ExportError.cannotWrite(file: path, reason: String(cString: strerror(sink.failure)))
        }
        throw ExportError.readStat(file: path, operation: operation, message: String(cString: readstat_error_message(error)))
    }

    private static func measure(_ level: ExportVariable.MeasureLevel) -> readstat_measure_t {
        switch level {
        case .nominal: READSTAT_MEASURE_NOMINAL
        case .ordinal: READSTAT_MEASURE_ORDINAL
        case .scale: READSTAT_MEASURE_SCALE
        }
    }

    /// `text` cut to at most `bytes` UTF-8 bytes, never inside a character.
    static func truncated(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > bytes { break }
            result.append(character)
            used += size
        }
        return result
    }

    /// `text` cut to at most `bytes` UTF-8 bytes at a space or after a comma, with "…" when cut;
    /// never inside a word (a single word longer than the limit is cut at a character).
    static func wordTruncated(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        let room = bytes - "…".utf8.count
        var result = ""
        for word in text.split(separator: " ") {
            let candidate = result.isEmpty ? String(word) : result + " " + word
            if candidate.utf8.count > room { break }
            result = candidate
        }
        if result.isEmpty { return truncated(text, bytes: room) + "…" }
        while let last = result.last, last == "," || last == ";" || last == ":" { result.removeLast() }
        return result + "…"
    }

    /// `text` split into lines of at most `width` bytes, at spaces where possible.
    static func lines(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.utf8.count <= width {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                var rest = String(word)
                while rest.utf8.count > width {
                    let head = truncated(rest, bytes: width)
                    lines.append(head)
                    rest = String(rest.dropFirst(head.count))
                }
                current = rest
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
