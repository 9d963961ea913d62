import KortlaegDomain

extension ProjectStoreContract {
    static let auditChecks: [Check] = [
        Check(name: "audit entries from exports and reports are kept, oldest first") { store, _ in
            try store.recordAudit(action: .export, summary: "export sav, 3 rows", detail: "{}", operator: "tester")
            try store.recordAudit(action: .report, summary: "report class 4.b", detail: nil, operator: "tester")
            let log = try store.auditLog()
            try expectEqual(log.map(\.action), [.create, .export, .report], "actions")
            try expectEqual(log.last?.operator, "tester", "operator")
            try expectEqual(log[1].detail, "{}", "detail")
        },
        Check(name: "an audit text holding a CPR number is refused, a checksum is not") { store, _ in
            do {
                try store.recordAudit(action: .export, summary: "filter 010203-1234", detail: nil, operator: "tester")
                throw ContractFailure(description: "a CPR number reached the audit log")
            } catch StoreError.cprInAuditText {}
            do {
                try store.recordAudit(action: .export, summary: "ok", detail: "{\"file\":\"0102031234.csv\"}", operator: "tester")
                throw ContractFailure(description: "a CPR number in the detail reached the audit log")
            } catch StoreError.cprInAuditText {}
            // A SHA-256 with ten digits in a row reading as 1 Feb 2003: machine-made, not a CPR number.
            let checksum = "ab0102031234cd" + String(repeating: "e", count: 50)
            try store.recordAudit(action: .export, summary: "manifest sha256 \(checksum)", detail: nil, operator: "tester")
            try expectEqual(try store.auditLog().map(\.action), [.create, .export], "only the checksum entry is kept")
        },
    ]
}
