import ArgumentParser
import KortlaegProject

struct Store: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work on a whole project store (copy it between a file and a PostgreSQL database).",
        subcommands: [Copy.self]
    )

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy a whole project to a new store: a .kortlaeg file to PostgreSQL, or back.",
            discussion: """
                Every row goes, in one transaction: responses, scores, import batches with their rejects, \
                the audit log, trivsel figures and the pseudonymisation key (so the pseudonyms stay the \
                same). At the end the rows of every table are counted in both stores and must agree; the \
                new project's audit log gets a 'copy' entry. Nothing may exist at --to. A PostgreSQL \
                address never holds a password: give it in PGPASSWORD or a .pgpass file. The project key \
                is stored there wrapped by the server key file (KORTLAEG_KEY_FILE).

                Examples:
                  PGPASSWORD=… kortlaeg store copy --from aarhus-2026.kortlaeg --to "postgres://ppr@db.kommune.local/kortlaeg?project=aarhus-2026"
                  kortlaeg store copy --from "postgres://ppr@db.kommune.local/kortlaeg?project=aarhus-2026" --to aarhus-kopi.kortlaeg
                """
        )

        @Option(help: "The project to copy (a .kortlaeg file or a postgres:// address).") var from: String
        @Option(help: "Where to create the copy (a new .kortlaeg file or a postgres://…?project=NAME).") var to: String
        @OptionGroup var operatorOption: OperatorOption

        func run() throws {
            let result = try KortlaegExit.run { () throws(KortlaegError) in
                try CopyStore.run(.init(from: from, to: to, operator: operatorOption.resolved), sink: StderrSink.shared)
            }
            for table in result.tables {
                print("\(table.table)\t\(table.source)\t\(table.copy)")
            }
        }
    }
}
