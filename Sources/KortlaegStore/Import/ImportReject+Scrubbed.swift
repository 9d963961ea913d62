import KortlaegDomain

extension ImportReject {
    /// The rejection as a store keeps it: a CPR-shaped value, wherever it was found, is dropped.
    package var scrubbed: ImportReject {
        var copy = self
        if let value, CPRNumber.containsCPR(value) { copy.value = nil }
        return copy
    }
}
