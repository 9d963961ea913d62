import Crypto
import Foundation
import KortlaegDomain

/// The salt mixed into every pseudonym of one export.
///
/// A new random salt per export (the default) makes ids unlinkable between exports. A stable
/// salt, named by the user or read from a file, keeps ids equal across the exports of one
/// evaluation (with the same project key).
public struct PseudonymSalt: Sendable {
    /// How the salt was chosen (written into the manifest; the salt itself never is).
    public enum Mode: Hashable, Sendable {
        /// Random, new for this export.
        case perExport
        /// Stable, derived from a name the user gave (`--stable-salt`).
        case named(String)
        /// Stable, read from a file (`--salt-file`).
        case file(String)

        /// A short description for manifests and notes.
        public var description: String {
            switch self {
            case .perExport: "per-export random salt"
            case let .named(name): "stable salt named '\(name)'"
            case let .file(path): "stable salt from file '\((path as NSString).lastPathComponent)'"
            }
        }

        /// The description for people (codebooks): Danish or English.
        public func text(_ language: Language) -> String {
            guard language == .danish else { return description }
            switch self {
            case .perExport: return "tilfældig salt, ny for dette udtræk"
            case let .named(name): return "fast salt med navnet '\(name)'"
            case let .file(path): return "fast salt fra filen '\((path as NSString).lastPathComponent)'"
            }
        }
    }

    /// The salt bytes.
    let bytes: [UInt8]
    /// How the salt was chosen.
    public let mode: Mode

    /// A fresh random salt (32 bytes from the system's secure generator).
    public static func random() -> PseudonymSalt {
        PseudonymSalt(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }, mode: .perExport)
    }

    /// A stable salt named by the user; the name is prefixed so that it cannot collide with a file's bytes.
    public static func named(_ name: String) -> PseudonymSalt {
        PseudonymSalt(bytes: Array("kortlaeg-salt:\(name)".utf8), mode: .named(name))
    }

    /// A stable salt read from a file (its bytes, trailing newline removed).
    /// - Throws: ``ExportError/missingKey(reason:)`` when the file cannot be read or is empty.
    public static func file(_ path: String) throws -> PseudonymSalt {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExportError.missingKey(reason: "\(path): the salt file cannot be read. Check the path given to --salt-file.")
        }
        let bytes = PseudonymKey.trimmed(Array(data))
        guard !bytes.isEmpty else {
            throw ExportError.missingKey(reason: "\(path): the salt file is empty. Put at least one line of random text in it.")
        }
        return PseudonymSalt(bytes: bytes, mode: .file(path))
    }
}
