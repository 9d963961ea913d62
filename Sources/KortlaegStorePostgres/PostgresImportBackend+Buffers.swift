import KortlaegStore
import PostgresNIO

/// The rows an import has collected and not yet written (``PostgresImportBackend/flush()``).
struct PendingWrites {
    var children: [StoredChild] = []
    var responses: [(id: Int64, response: NewResponse, scores: [ComputedScore])] = []
    var scoreCount = 0
    var rejects: [(ImportReject, Int64)] = []

    var isEmpty: Bool { children.isEmpty && responses.isEmpty && rejects.isEmpty }
}

/// The children an import has looked up or created since the last flush, each with every stored
/// response it has (those that came with the lookup, and those collected since): enough to answer
/// "is this response stored already?" without asking the server.
///
/// It is right because the import holds the project's lock: nothing but this transaction changes
/// the project's responses meanwhile, and every response it stores or deletes goes through the
/// backend (a delete empties the window).
struct ChildWindow {
    var children: [String: StoredChild] = [:]
    private var responsesByChild: [Int64: [ResponseKey: StoredResponseReference]] = [:]

    mutating func add(_ child: StoredChild, responses: [ResponseKey: StoredResponseReference]) {
        children[child.pseudonym] = child
        responsesByChild[child.id!] = responses
    }

    /// Every stored response of the child, or nil when the child is not in the window.
    func responses(of childID: Int64) -> [ResponseKey: StoredResponseReference]? {
        responsesByChild[childID]
    }

    /// A response stored (or collected) for a child in the window.
    mutating func record(_ key: ResponseKey, _ reference: StoredResponseReference) {
        responsesByChild[key.childID]?[key] = reference
    }
}

/// Ids taken from a table's `bigserial` sequence ahead of the rows, so that a row collected for a
/// later multi-row insert has its id at once. Blocks grow from 16 to 1,024 ids, so a small file
/// leaves few unused (a gap in the ids, as a rolled-back insert leaves; ids only have to be unique).
struct IDBlock {
    let table: String
    private var ids: [Int64] = []
    private var position = 0
    private var size = 16

    init(table: String) {
        self.table = table
    }

    mutating func next(_ connection: BlockingConnection) throws -> Int64 {
        if position == ids.count {
            ids = try connection.query("""
                SELECT nextval(pg_get_serial_sequence('\(table)', 'id')) FROM generate_series(1, $1)
                """, [size]).map { try $0.decode(Int64.self) }
            position = 0
            size = min(1_024, size * 4)
            guard !ids.isEmpty else { throw StoreError.database("the sequence of \(table) gave no id") }
        }
        defer { position += 1 }
        return ids[position]
    }
}
