import ArgumentParser
import Foundation
import KortlaegProject

struct User: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the users of the web application ('kortlaeg serve').",
        discussion: """
            Example:
              kortlaeg user add mette --project aarhus.kortlaeg --role ppr
              printf '%s\\n' "$PASSWORD" | kortlaeg user add forsker1 --project aarhus.kortlaeg --role researcher --password-stdin
            """,
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a user (or set a new role and password); the password is stored only as a bcrypt hash.",
            discussion: """
                Roles: ppr (every page, children's pages included), researcher (pseudonymised exports and \
                group results, never a single child's page), admin (as ppr, and the audit log). The password \
                (at least 10 characters) is asked on the terminal, or read from the first line of standard \
                input with --password-stdin.

                Example:
                  kortlaeg user add mette --project aarhus.kortlaeg --role admin
                  kortlaeg user add mette --project "postgres://ppr@db.kommune.local/kortlaeg?project=inklusion-2026" --role ppr
                """)

        @Argument(help: "The log-in name.") var name: String
        @OptionGroup var project: ProjectOptions
        @Option(help: "ppr, researcher or admin.") var role: String
        @Flag(help: "Read the password from standard input instead of asking.") var passwordStdin = false
        @OptionGroup var operatorOption: OperatorOption

        func run() throws {
            let path = try project.required("user add NAME")
            guard let role = UserRole(rawValue: role) else { throw ValidationError("--role takes ppr, researcher or admin (not '\(role)').") }
            let password: String
            if passwordStdin {
                password = readLine(strippingNewline: true) ?? ""
            } else {
                guard let first = getpass("Adgangskode / password for \(name): ").map({ String(cString: $0) }),
                      let second = getpass("Gentag / repeat: ").map({ String(cString: $0) }) else {
                    throw ValidationError("No password given.")
                }
                guard first == second else { throw ValidationError("The two passwords differ.") }
                password = first
            }
            let request = AddUser.Request(project: path, name: name, role: role, password: password, operator: operatorOption.resolved)
            _ = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try AddUser.run(request, sink: StderrSink.shared) }
        }
    }
}
