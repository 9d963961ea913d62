extension DecodingError {
    /// The error as `$.json.path: problem`, for messages that name a definition file.
    package var locatedDescription: String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("$") { result, key in
                if let index = key.intValue { return "\(result)[\(index)]" }
                return "\(result).\(key.stringValue)"
            }
        }
        switch self {
        case let .keyNotFound(key, context):
            return "\(path(context.codingPath)): missing required key '\(key.stringValue)'"
        case let .typeMismatch(type, context):
            return "\(path(context.codingPath)): expected \(type): \(context.debugDescription)"
        case let .valueNotFound(type, context):
            return "\(path(context.codingPath)): expected a value of type \(type)"
        case let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }
}
