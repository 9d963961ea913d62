import Foundation

/// Why a file could not be written, in words a PPR employee can act on ("the disk is full",
/// "no permission"), from the error a write, create or rename raised.
package enum WriteFailure {
    /// The reason behind `error`: the disk is full, no permission, a read-only disk, or the
    /// system's own description.
    package static func reason(_ error: any Error) -> String {
        reason(errno: code(of: error)) ?? (error as NSError).localizedDescription
    }

    /// The reason for a POSIX error number, nil when it is none of the common ones.
    package static func reason(errno code: Int32?) -> String? {
        switch code {
        case ENOSPC, EDQUOT, EFBIG: "the disk is full"
        case EACCES, EPERM: "no permission (check the folder's permissions)"
        case EROFS: "the disk is read-only"
        case ENOENT, ENOTDIR: "the folder does not exist"
        case EISDIR: "it is a folder"
        default: nil
        }
    }

    /// The POSIX error number inside `error` (Foundation wraps it in Cocoa or POSIX errors).
    static func code(of error: any Error) -> Int32? {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        switch ns.code {
        case NSFileWriteOutOfSpaceError: return ENOSPC
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return EACCES
        case NSFileWriteVolumeReadOnlyError: return EROFS
        default: return nil
        }
    }
}
