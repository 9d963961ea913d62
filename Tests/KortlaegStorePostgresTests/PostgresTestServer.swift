import Foundation
import KortlaegDomain
import KortlaegTestSupport
@testable import KortlaegStorePostgres

/// A real PostgreSQL server for the tests: `initdb` into a temporary folder, `pg_ctl start` on a
/// free 127.0.0.1 port (password authentication, SCRAM), one database `kortlaeg`; stopped and
/// removed when the test process exits. As root the server runs as user `postgres`
/// (`runuser -u postgres --`), as PostgreSQL refuses to run as root. Started once per test process;
/// every test makes its own project (schema) in the one database.
///
/// When no server can be started (no binaries, no `postgres` user) the PostgreSQL tests are
/// skipped and say why — except under CI (`CI` set), where they run and fail.
final class PostgresTestServer: @unchecked Sendable {
    let port: Int
    let user = "kortlaeg"
    let database = "kortlaeg"
    let password: String
    let binDirectory: String
    let folder: URL
    /// The server key file every test store uses.
    let keyFile: String
    /// The server's self-signed TLS certificate, when it offers TLS.
    let tlsCertificate: String?

    /// The environment a client needs (the password; no password file).
    var environment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["PGPASSWORD": password, "PGPASSFILE": "/nonexistent",
                                                     "KORTLAEG_KEY_FILE": keyFile]) { _, new in new }
    }

    /// The server, or why there is none.
    static let shared: Result<PostgresTestServer, StartFailure> = {
        do {
            return .success(try PostgresTestServer())
        } catch let failure as StartFailure {
            FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(failure.reason)\n".utf8))
            return .failure(failure)
        } catch {
            return .failure(StartFailure(reason: "\(error)"))
        }
    }()

    /// Whether the PostgreSQL tests run: a server is up, or CI demands them (and they fail).
    static var enabled: Bool {
        if case .success = shared { return true }
        return ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The server, throwing the start failure (under CI).
    static func server() throws -> PostgresTestServer {
        try shared.get()
    }

    struct StartFailure: Error, CustomStringConvertible {
        var reason: String
        var description: String { "no PostgreSQL server could be started: \(reason)" }
    }

    /// The address of project `name` in the test database.
    func address(project name: String) -> PostgresAddress {
        try! PostgresAddress("postgres://\(user)@127.0.0.1:\(port)/\(database)?project=\(name)&sslmode=disable")
    }

    /// A fresh project name (`t-` and 12 hex digits).
    static func uniqueProject(_ prefix: String = "t") -> String {
        prefix + "-" + CPRGuard.uniqueName().lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// Every byte `pg_dump` writes for the whole database (all projects, all tables).
    ///
    /// Other tests create and drop projects in the same database meanwhile, and `pg_dump` fails
    /// when a table it listed is gone before it locks it; so a failed dump is tried again, up to
    /// five times, half a second apart.
    func dump() throws -> [UInt8] {
        var status: Int32 = 0
        for attempt in 1...5 {
            if attempt > 1 { usleep(500_000) }
            let output = folder.appendingPathComponent("dump-\(CPRGuard.uniqueName()).sql")
            status = try Self.run(binDirectory + "/pg_dump",
                                  ["-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", database, "-f", output.path],
                                  environment: environment)
            defer { try? FileManager.default.removeItem(at: output) }
            if status == 0, let data = FileManager.default.contents(atPath: output.path) { return Array(data) }
        }
        throw StartFailure(reason: "pg_dump failed (\(status)) five times")
    }

    /// Runs SQL through `psql` as the test user (for tests that look at the server from outside).
    func psql(_ sql: String) throws -> String {
        let output = folder.appendingPathComponent("psql-\(CPRGuard.uniqueName()).txt")
        let status = try Self.run(binDirectory + "/psql",
                                  ["-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", database, "-At",
                                   "-v", "ON_ERROR_STOP=1", "-c", sql, "-o", output.path],
                                  environment: environment)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: output)
        guard status == 0 else { throw StartFailure(reason: "psql failed (\(status)) on \(sql)") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private init() throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let bin = versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }).map({ "/usr/lib/postgresql/\($0)/bin" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }) else {
            throw StartFailure(reason: "no initdb in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
        }
        binDirectory = bin
        let asRoot = getuid() == 0
        if asRoot && getpwnam("postgres") == nil {
            throw StartFailure(reason: "running as root, and there is no user 'postgres' to run the server as")
        }
        folder = URL(fileURLWithPath: "/tmp/kortlaeg-pg-\(CPRGuard.uniqueName())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = folder.appendingPathComponent("data").path
        password = CPRGuard.uniqueName()
        keyFile = folder.appendingPathComponent("server.key").path
        _ = try ServerKey.create(path: keyFile)
        let passwordFile = folder.appendingPathComponent("pw").path
        try password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        if asRoot {
            for path in [folder.path, passwordFile] { _ = try Self.run("/bin/chown", ["postgres", path]) }
        }
        let server = { (tool: String, arguments: [String]) throws -> Int32 in
            asRoot ? try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", bin + "/" + tool] + arguments)
                : try Self.run(bin + "/" + tool, arguments)
        }
        var status = try server("initdb", ["-D", data, "-U", user, "--pwfile=\(passwordFile)", "--auth=scram-sha-256",
                                           "-E", "UTF8", "--no-locale"])
        guard status == 0 else { throw StartFailure(reason: "initdb failed (\(status)); see \(folder.path)/run.log") }
        port = try Self.freePort()
        // TLS with a self-signed certificate when openssl is there, so that sslmode is tested too.
        var options = "-p \(port) -h 127.0.0.1 -k \(folder.path) -c max_connections=200 -c fsync=off"
        let certificate = folder.appendingPathComponent("server.crt").path, key = folder.appendingPathComponent("server.pem").path
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
           try Self.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                                             "-keyout", key, "-out", certificate]) == 0 {
            if asRoot { for path in [certificate, key] { _ = try Self.run("/bin/chown", ["postgres", path]) } }
            chmod(key, 0o600)
            options += " -c ssl=on -c ssl_cert_file=\(certificate) -c ssl_key_file=\(key)"
            tlsCertificate = certificate
        } else {
            tlsCertificate = nil
        }
        status = try server("pg_ctl", ["-D", data, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "60",
                                       "-o", options, "start"])
        guard status == 0 else { throw StartFailure(reason: "pg_ctl start failed (\(status)); see \(folder.path)/server.log") }
        Self.stopAtExit = { _ = try? server("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]) }
        Self.folderAtExit = folder.path
        atexit {
            PostgresTestServer.stopAtExit?()
            if let folder = PostgresTestServer.folderAtExit { try? FileManager.default.removeItem(atPath: folder) }
        }
        status = try Self.run(bin + "/createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", user, database],
                              environment: ProcessInfo.processInfo.environment.merging(["PGPASSWORD": password]) { _, new in new })
        guard status == 0 else { throw StartFailure(reason: "createdb failed (\(status))") }
        // In-process use cases (ProjectLocation) read the password and the key file from the
        // environment, as the command line does.
        setenv("PGPASSWORD", password, 1)
        setenv("PGPASSFILE", "/nonexistent", 1)
        setenv("KORTLAEG_KEY_FILE", keyFile, 1)
    }

    nonisolated(unsafe) private static var stopAtExit: (() -> Void)?
    nonisolated(unsafe) private static var folderAtExit: String?

    /// Runs a program and waits for it, its output discarded. `posix_spawn` and `waitpid`, not
    /// `Process`: `pg_ctl` leaves a daemon behind, and Foundation's `waitUntilExit` was seen to
    /// hang on such a child.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [0, 1, 2] as [Int32] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = environment ?? ProcessInfo.processInfo.environment
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw StartFailure(reason: "\(executable) cannot be started (\(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS by hand (they are macros).
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// A TCP port on 127.0.0.1 that nothing listens on now.
    static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) }
        }
        guard bound == 0 else { throw StartFailure(reason: "no free port") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
