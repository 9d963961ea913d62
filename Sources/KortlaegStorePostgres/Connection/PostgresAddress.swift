import Foundation
import KortlaegStore

/// A PostgreSQL project as a user names it:
/// `postgres://USER@HOST[:PORT]/DATABASE?project=NAME&sslmode=MODE`.
///
/// The password is never part of it: it comes from `PGPASSWORD` or a `.pgpass`-style file
/// (``PasswordFile``), so it is in no shell history, process list or log. A URL that carries one is
/// refused. `sslmode` takes libpq's values (`disable`, `allow`, `prefer` — the default —,
/// `require`, `verify-ca`, `verify-full`); `sslrootcert` names the CA file for the verifying modes.
public struct PostgresAddress: Hashable, Sendable, CustomStringConvertible {
    /// How TLS is used, as libpq's `sslmode`.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full"
    }

    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    /// The project inside the database (`default` when the URL names none).
    public var project: String
    public var sslMode: SSLMode
    /// A CA certificate file (PEM) for `verify-ca` / `verify-full`; nil: the system's roots.
    public var sslRootCertificate: String?

    /// Whether `text` names a PostgreSQL store (`postgres://` or `postgresql://`).
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a `postgres://` URL.
    /// - Throws: ``PostgresAddressError`` saying what is wrong and how it should look.
    public init(_ text: String) throws(PostgresAddressError) {
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw PostgresAddressError("it is not a postgres:// URL")
        }
        if components.password != nil {
            throw PostgresAddressError("it contains a password. Give the password in PGPASSWORD or a .pgpass file (PGPASSFILE), never in the URL: it would end up in the shell history and the process list")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresAddressError("it names no server (postgres://USER@HOST/DATABASE)") }
        let user = components.user ?? ProcessInfo.processInfo.environment["PGUSER"] ?? ProcessInfo.processInfo.environment["USER"]
        guard let user, !user.isEmpty else { throw PostgresAddressError("it names no user (postgres://USER@HOST/DATABASE)") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresAddressError("it names no database (postgres://USER@HOST/DATABASE)")
        }
        self.user = user
        self.host = host
        self.port = components.port ?? 5432
        self.database = database
        self.project = "default"
        self.sslMode = .prefer
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "project":
                guard ProjectName.isValid(value) else {
                    throw PostgresAddressError("project=\(value) is not a project name: use 1–48 lowercase letters, digits and '-', starting with a letter or digit (e.g. project=inklusion-2026)")
                }
                project = value
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw PostgresAddressError("sslmode=\(value) is unknown: use one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                sslMode = mode
            case "sslrootcert":
                sslRootCertificate = value
            default:
                throw PostgresAddressError("the parameter '\(item.name)' is unknown: Kortlæg reads project, sslmode and sslrootcert")
            }
        }
    }

    /// The URL as given back to the user: no password (there is none), the default project named.
    public var description: String {
        var text = "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)?project=\(project)"
        if sslMode != .prefer { text += "&sslmode=\(sslMode.rawValue)" }
        return text
    }
}

/// Why a `postgres://` URL cannot be used.
public struct PostgresAddressError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { "The project address is not usable: \(reason)." }
}

/// Project names: one PostgreSQL schema each (`kortlaeg_NAME`).
enum ProjectName {
    static func isValid(_ name: String) -> Bool {
        guard (1...48).contains(name.utf8.count), let first = name.utf8.first, first != UInt8(ascii: "-") else { return false }
        return name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") }
    }

    /// The schema that holds the project's tables, quoted for SQL.
    static func schema(_ name: String) -> String { "\"kortlaeg_\(name)\"" }
}
