import Foundation
import HummingbirdBcrypt
import KortlaegDomain
import KortlaegStore

/// Adds a user of the web application to a project (`kortlaeg user add`), or sets a new role and
/// password for an existing one. The password is stored only as a bcrypt hash; the change is
/// written to the audit log and ends the user's sessions.
public enum AddUser {
    /// Who, with what role and password, in which project.
    public struct Request: Sendable {
        /// The project (`--project`).
        public var project: String
        /// The log-in name: 1–64 letters, digits, `.`, `_`, `-` or `@`.
        public var name: String
        /// The role.
        public var role: UserRole
        /// The password in clear (never stored); at least ``minimumPasswordLength`` characters.
        public var password: String
        /// Who adds the user (audit log).
        public var `operator`: String
        /// bcrypt's cost (work factor 2^cost).
        public var cost: UInt8

        /// A request.
        public init(project: String, name: String, role: UserRole, password: String, operator: String, cost: UInt8 = 12) {
            self.project = project
            self.name = name
            self.role = role
            self.password = password
            self.operator = `operator`
            self.cost = cost
        }
    }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 10

    /// Whether the user was new.
    public struct Result: Sendable {
        /// True when the user did not exist before.
        public var added: Bool
    }

    /// Adds or updates the user.
    /// - Throws: ``KortlaegError``: ``Severity/usage`` for a bad name or a short password,
    ///   ``Severity/notFound``/``Severity/invalidInput`` for the project, ``Severity/cannotWrite``.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@"))
        guard (1...64).contains(request.name.count), request.name.unicodeScalars.allSatisfy(allowed.contains),
              !CPRNumber.containsCPR(request.name) else {
            throw KortlaegError(.usage, "A user name is 1 to 64 letters, digits, '.', '_', '-' or '@' and no CPR number.",
                                danish: "Et brugernavn har 1 til 64 bogstaver, cifre, ».«, »_«, »-« eller »@« og intet CPR-nummer.")
        }
        guard request.password.count >= minimumPasswordLength else {
            throw KortlaegError(.usage, "The password must have at least \(minimumPasswordLength) characters.",
                                danish: "Adgangskoden skal have mindst \(minimumPasswordLength) tegn.")
        }
        let store = try ProjectLocation.openWithUsers(request.project)
        do {
            let existed = try store.user(named: request.name) != nil
            let hash = Bcrypt.hash(request.password, cost: request.cost)
            try store.saveUser(StoredUser(name: request.name, role: request.role.rawValue, passwordHash: hash))
            try store.recordAudit(action: .user, summary: "user \(request.name) \(existed ? "changed" : "added") with role \(request.role.rawValue)",
                                  detail: nil, operator: request.operator)
            sink.note("\(existed ? "changed" : "added") user \(request.name) (\(request.role.rawValue))")
            return Result(added: !existed)
        } catch {
            throw KortlaegError(.cannotWrite, "\(request.project): the user could not be saved (\(error)).",
                                danish: "Brugeren kunne ikke gemmes.")
        }
    }
}
