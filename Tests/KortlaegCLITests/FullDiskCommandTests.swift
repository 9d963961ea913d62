import Foundation
import KortlaegTestSupport
import Testing

/// A full disk (issue 18, item 11) on a real small filesystem: a 64 KiB tmpfs mounted for each
/// test. `score`, `import --output` and `init` that run out of space end with exit 73 and
/// "cannot write FILE: the disk is full", leave an existing output file as it was, leave no
/// `.partial` (or other temporary) file and no 0-byte project.
///
/// Mounting needs root (and a system that lets the test mount); otherwise the tests are skipped
/// with a message saying why.
@Suite(.serialized, .enabled(if: SmallDisk.available.isEmpty, Comment(rawValue: SmallDisk.available)))
struct FullDiskCommandTests {
    /// A parent SDQ file large enough that its scores (about 190 bytes a row) fill 64 KiB.
    func bigInput() throws -> URL {
        let input = try temporaryFolder().appendingPathComponent("mange.csv")
        try writeParentCSV(input, rows: 2_000) { "elev-\(String(format: "%05d", $0))" }
        return input
    }

    /// The files in `folder`, by name.
    func files(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func scoreOnAFullDiskIsExit73AndKeepsTheOldOutput() throws {
        let disk = try SmallDisk()
        defer { disk.unmount() }
        let output = disk.folder.appendingPathComponent("scores.csv")
        let old = Data("id,pemotion\nelev-1,3\n".utf8)
        try old.write(to: output)
        let result = try runKortlaeg(["score", try bigInput().path, "--instrument", "sdq-p4-17", "--output", output.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write \(output.path): the disk is full"), "\(result.stderr)")
        #expect(try Data(contentsOf: output) == old, "the old output is intact")
        #expect(try files(disk.folder) == ["scores.csv"], "no temporary file is left")
    }

    @Test func importOutputOnAFullDiskIsExit73AndKeepsTheOldOutput() throws {
        let disk = try SmallDisk()
        defer { disk.unmount() }
        let output = disk.folder.appendingPathComponent("prev.csv")
        let old = Data("child_id,occasion,informant,instrument,version,item,variable,code\n".utf8)
        try old.write(to: output)
        let result = try runKortlaeg(["import", try bigInput().path, "--instrument", "sdq-p4-17", "--output", output.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write \(output.path): the disk is full"), "\(result.stderr)")
        #expect(try Data(contentsOf: output) == old, "the old output is intact")
        #expect(try files(disk.folder) == ["prev.csv"], "no temporary file is left")
    }

    @Test func initOnAFullDiskIsExit73AndLeavesNoProject() throws {
        let disk = try SmallDisk()
        defer { disk.unmount() }
        // Fill the disk but for one 4 KiB page: less than an empty project needs.
        try Data(count: 60 * 1024).write(to: disk.folder.appendingPathComponent("fyld"))
        let project = disk.folder.appendingPathComponent("p.kortlaeg")
        let result = try runKortlaeg(["init", project.path, "--municipality", "Odense"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write \(project.path): the disk is full"), "\(result.stderr)")
        #expect(try files(disk.folder) == ["fyld"], "no project file, journal or WAL is left")
    }
}

/// A 64 KiB tmpfs mounted on a fresh folder, unmounted (and the folder removed) by ``unmount()``.
struct SmallDisk {
    let folder: URL

    /// Why a small disk cannot be made here, or "" when it can (tried once per test process).
    static let available: String = {
        guard getuid() == 0 else {
            let reason = "full-disk tests skipped: mounting a small tmpfs needs root"
            FileHandle.standardError.write(Data((reason + "\n").utf8))
            return reason
        }
        do {
            try SmallDisk().unmount()
            return ""
        } catch {
            let reason = "full-disk tests skipped: \(error)"
            FileHandle.standardError.write(Data((reason + "\n").utf8))
            return reason
        }
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        folder = try makeTemporaryFolder("kortlaeg-full-disk")
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path])
        guard result.status == 0 else {
            throw Failure(description: "'mount -t tmpfs -o size=64k' failed (\(result.status)): \(result.stderr)")
        }
    }

    func unmount() {
        _ = try? runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["umount", folder.path])
        try? FileManager.default.removeItem(at: folder)
    }
}
