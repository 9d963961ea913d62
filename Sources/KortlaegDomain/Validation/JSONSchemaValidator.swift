import Foundation

/// Checks a JSON document against the subset of JSON Schema (draft 2020-12) that
/// `Instruments/schema/*.schema.json` uses: `type`, `const`, `enum`, `required`, `properties`,
/// `additionalProperties`, `propertyNames`, `minProperties`, `items`, `minItems`, `pattern`,
/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` and local `$ref`s to `$defs`.
/// Any other keyword in the schema is reported, so the subset cannot silently drift.
package struct JSONSchemaValidator: Sendable {
    let root: JSONValue
    static let supported: Set<String> = [
        "$schema", "$id", "title", "description", "$defs", "$ref", "type", "const", "enum", "required", "properties",
        "additionalProperties", "propertyNames", "minProperties", "items", "minItems", "pattern", "minimum",
        "maximum", "exclusiveMinimum", "exclusiveMaximum",
    ]

    /// Loads a schema from JSON data.
    package init(schema data: Data) throws {
        root = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The schema keywords this validator does not implement (should be empty).
    package func unsupportedKeywords() -> [String] {
        var found: Set<String> = []
        func walk(_ value: JSONValue, schemaPosition: Bool) {
            switch value {
            case let .object(object):
                for (key, child) in object {
                    if schemaPosition, !Self.supported.contains(key) { found.insert(key) }
                    switch key {
                    case "properties", "$defs":
                        if case let .object(map) = child { map.values.forEach { walk($0, schemaPosition: true) } }
                    case "enum", "const", "required":
                        break
                    default:
                        walk(child, schemaPosition: true)
                    }
                }
            case let .array(array):
                array.forEach { walk($0, schemaPosition: true) }
            default:
                break
            }
        }
        walk(root, schemaPosition: true)
        return found.sorted()
    }

    /// Validates `document`; returns one message per violation as (JSON path, message).
    package func validate(_ document: JSONValue) -> [(path: String, message: String)] {
        var errors: [(String, String)] = []
        check(document, against: root, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard case let .object(object) = schema, case let .string(reference)? = object["$ref"] else { return schema }
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix), case let .object(rootObject) = root,
              case let .object(definitions)? = rootObject["$defs"],
              let target = definitions[String(reference.dropFirst(prefix.count))]
        else { return schema }
        return resolve(target)
    }

    private func check(_ value: JSONValue, against rawSchema: JSONValue, path: String, errors: inout [(String, String)]) {
        guard case let .object(schema) = resolve(rawSchema) else { return }
        if case let .string(type)? = schema["type"], !matches(value, type: type) {
            errors.append((path, "expected \(article(type)) \(type), found \(article(value.typeName)) \(value.typeName)"))
            return
        }
        if let constant = schema["const"], constant != value, !(sameNumber(constant, value)) {
            errors.append((path, "expected the value \(render(constant))"))
        }
        if case let .array(options)? = schema["enum"], !options.contains(value) {
            errors.append((path, "\(render(value)) is not allowed; expected one of \(options.map(render).joined(separator: ", "))"))
        }
        if case let .string(pattern)? = schema["pattern"], case let .string(text) = value,
           text.range(of: pattern, options: .regularExpression) == nil {
            errors.append((path, "'\(text)' does not have the expected form (pattern \(pattern))"))
        }
        if let number = value.numberValue {
            if let minimum = schema["minimum"]?.numberValue, number < minimum {
                errors.append((path, "\(render(value)) is below the minimum \(render(schema["minimum"]!))"))
            }
            if let maximum = schema["maximum"]?.numberValue, number > maximum {
                errors.append((path, "\(render(value)) is above the maximum \(render(schema["maximum"]!))"))
            }
            if let minimum = schema["exclusiveMinimum"]?.numberValue, number <= minimum {
                errors.append((path, "\(render(value)) must be greater than \(render(schema["exclusiveMinimum"]!))"))
            }
            if let maximum = schema["exclusiveMaximum"]?.numberValue, number >= maximum {
                errors.append((path, "\(render(value)) must be less than \(render(schema["exclusiveMaximum"]!))"))
            }
        }
        if case let .array(array) = value {
            if case let .integer(minimum)? = schema["minItems"], array.count < minimum {
                errors.append((path, "expected at least \(minimum) element(s), found \(array.count)"))
            }
            if let itemSchema = schema["items"] {
                for (index, element) in array.enumerated() {
                    check(element, against: itemSchema, path: "\(path)[\(index)]", errors: &errors)
                }
            }
        }
        if case let .object(object) = value {
            checkObject(object, schema: schema, path: path, errors: &errors)
        }
    }

    private func checkObject(_ object: [String: JSONValue], schema: [String: JSONValue], path: String,
                             errors: inout [(String, String)]) {
        if case let .array(required)? = schema["required"] {
            for case let .string(key) in required where object[key] == nil {
                errors.append((path, "missing required key '\(key)'"))
            }
        }
        if case let .integer(minimum)? = schema["minProperties"], object.count < minimum {
            errors.append((path, "expected at least \(minimum) key(s)"))
        }
        var properties: [String: JSONValue] = [:]
        if case let .object(map)? = schema["properties"] { properties = map }
        for key in object.keys.sorted() {
            let child = object[key]!
            let childPath = key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) ? "\(path).\(key)" : "\(path)[\"\(key)\"]"
            if let names = schema["propertyNames"] {
                check(.string(key), against: names, path: childPath, errors: &errors)
            }
            if let propertySchema = properties[key] {
                check(child, against: propertySchema, path: childPath, errors: &errors)
            } else if let additional = schema["additionalProperties"] {
                if case .bool(false) = additional {
                    let suggestion = closestMatch(to: key, in: properties.keys).map { " Did you mean '\($0)'?" } ?? ""
                    errors.append((childPath, "unknown key '\(key)'.\(suggestion)"))
                } else {
                    check(child, against: additional, path: childPath, errors: &errors)
                }
            }
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("integer", .integer), ("number", .integer), ("number", .number):
            return true
        case let ("integer", .number(number)):
            return number == number.rounded()
        default:
            return false
        }
    }

    private func sameNumber(_ a: JSONValue, _ b: JSONValue) -> Bool {
        guard let x = a.numberValue, let y = b.numberValue else { return false }
        return x == y
    }

    private func article(_ word: String) -> String {
        ["a", "e", "i", "o", "u"].contains(word.prefix(1)) ? "an" : "a"
    }

    private func render(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case let .bool(flag): flag ? "true" : "false"
        case let .integer(number): String(number)
        case let .number(number): String(number)
        case let .string(text): "'\(text)'"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
