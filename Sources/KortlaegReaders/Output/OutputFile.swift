import Foundation
import KortlaegDomain

/// A file written under a temporary name beside its destination and renamed into place only
/// when complete, so a failed run leaves the previous file as it was and no temporary file
/// behind (``discard()``; the temporary name is hidden and unique, so two runs never share it).
package final class OutputFile {
    /// Where the finished file goes.
    package let destination: String
    /// Where it is written until ``commit()``.
    package let temporaryPath: String
    private var committed = false

    /// Reserves a temporary name beside `destination` (nothing is created yet).
    package init(destination: String) {
        self.destination = destination
        let folder = PathText.folder(of: destination)
        let name = ".\((destination as NSString).lastPathComponent).\(CPRGuard.uniqueName().prefix(8)).kortlaeg-tmp"
        temporaryPath = (folder as NSString).appendingPathComponent(name)
    }

    /// Creates (or empties) the temporary file.
    /// - Throws: ``CSVError/cannotWrite(file:reason:)`` naming the destination.
    package func create() throws {
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil) else {
            throw CSVError.cannotWrite(file: destination, reason: Self.creationFailure(at: temporaryPath))
        }
    }

    /// Renames the temporary file onto the destination (atomic on one file system).
    /// - Throws: ``CSVError/cannotWrite(file:reason:)``; the temporary file is removed then.
    package func commit() throws {
        guard !committed else { return }
        if rename(temporaryPath, destination) != 0 {
            let code = errno
            discard()
            throw CSVError.cannotWrite(file: destination, reason: WriteFailure.reason(errno: code) ?? String(cString: strerror(code)))
        }
        committed = true
    }

    /// Removes the temporary file (the run failed); the destination is untouched.
    package func discard() {
        guard !committed else { return }
        unlink(temporaryPath)
    }

    /// Why a file cannot be created at `path`: the folder's permissions, a read-only disk, a
    /// full disk, a missing folder.
    package static func creationFailure(at path: String) -> String {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
            close(fd)
            return "the file cannot be created"
        }
        let code = errno
        return WriteFailure.reason(errno: code) ?? String(cString: strerror(code))
    }
}
