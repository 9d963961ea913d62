/// Path arithmetic on plain strings. Foundation's `NSString.deletingLastPathComponent` stops the
/// program (SIGILL) on a one-character path without a slash (`e`, swift-corelibs-foundation on
/// Linux); this never crashes.
package enum PathText {
    /// The folder part of `path`: `.` when it names none (`e.csv` → `.`), `/` for a file at the root.
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }
}
