/// A site tag (a municipality, `Aarhus`): how it is written, checked and compared.
///
/// The site is part of a child's identity (docs/decisions/sites.md): ids from two sites never
/// collide. Sites are compared without regard to case and surrounding or repeated white space
/// (`aarhus ` and `Aarhus` are one site); the first spelling seen is the one shown.
public enum SiteName {
    /// Header names recognised as the site column (case-insensitive), in order of preference.
    public static let headers = ["site", "kommune", "municipality", "sted"]

    /// The site as shown: trimmed, inner white space collapsed; nil when blank.
    public static func display(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard !words.isEmpty else { return nil }
        return words.joined(separator: " ")
    }

    /// The site as compared: ``display(_:)`` lowercased; nil when blank.
    public static func key(_ text: String) -> String? {
        display(text)?.lowercased()
    }

    /// Why `text` cannot be a site tag, or nil when it can. A site may not hold `:` (the
    /// separator of a site-qualified id, ``qualifiedID(site:id:)``) and may not be longer than 64
    /// characters.
    public static func problem(_ text: String) -> String? {
        guard let shown = display(text) else { return "the site is empty" }
        if shown.contains(":") { return "a site name may not contain ':' (it separates site and id)" }
        if shown.count > 64 { return "a site name may have at most 64 characters" }
        return nil
    }

    /// The id of a child at a site as one key, `site:id` with the site's comparison form
    /// (`aarhus:elev-0001`); the id alone when there is no site.
    public static func qualifiedID(site: String?, id: String) -> String {
        guard let site, let key = key(site) else { return id }
        return key + ":" + id
    }
}
