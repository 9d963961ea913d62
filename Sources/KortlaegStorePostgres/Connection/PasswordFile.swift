import Foundation

/// Where the password for a ``PostgresAddress`` comes from, as in libpq: `PGPASSWORD`, else the
/// first matching line of the password file (`PGPASSFILE`, default `~/.pgpass`), whose lines are
/// `host:port:database:user:password` with `*` matching anything and `\:` / `\\` escaping.
/// Like libpq, a password file that the group or others may read is not used.
enum PasswordFile {
    /// The password for `address`, or nil (the server may not need one).
    static func password(for address: PostgresAddress, environment: [String: String]) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path = environment["PGPASSFILE"]
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return password(in: text, for: address)
    }

    /// The first line of `text` that matches `address`.
    static func password(in text: String, for address: PostgresAddress) -> String? {
        let wanted = [address.host, String(address.port), address.database, address.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Splits at unescaped colons, undoing `\:` and `\\`.
    private static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
