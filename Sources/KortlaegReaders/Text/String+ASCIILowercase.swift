extension String {
    /// `lowercased()`, without the work when the text has no capital letter and is ASCII (field
    /// names such as `sdq_p01`, read once per record): the same result, no new String.
    var lowercasedFast: String {
        utf8.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }) ? lowercased() : self
    }
}
