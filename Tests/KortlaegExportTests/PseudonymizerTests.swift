import KortlaegTestSupport
import KortlaegDomain
import Testing
@testable import KortlaegExport

@Test func pseudonymMatchesPythonHMAC() throws {
    // python3: hmac.new(b'0123456789abcdef0123456789abcdef', b'kortlaeg-salt:evaluering-2026' + b'\x00' + b'barn-0001',
    //   hashlib.sha256).hexdigest()[:16] = 'e837ae37f19c9729'
    #expect(try fixedPseudonymizer().pseudonym(for: "barn-0001") == "e837-ae37-f19c-9729")
}

@Test func stableSaltKeepsIdsAndRandomSaltChangesThem() throws {
    let key = try PseudonymKey(bytes: Array("0123456789abcdef0123456789abcdef".utf8))
    let first = Pseudonymizer(key: key, salt: .named("eval")).pseudonym(for: "010190-1234")
    let second = Pseudonymizer(key: key, salt: .named("eval")).pseudonym(for: "010190-1234")
    let random1 = Pseudonymizer(key: key, salt: .random()).pseudonym(for: "010190-1234")
    let random2 = Pseudonymizer(key: key, salt: .random()).pseudonym(for: "010190-1234")
    #expect(first == second)
    #expect(random1 != random2)
    #expect(!CPRNumber.containsCPR(first))
}

@Test func shortKeyIsRefusedWithAdvice() {
    #expect(throws: ExportError.self) { try PseudonymKey(bytes: Array("short".utf8)) }
}

@Test func pseudonymsNeverLookLikeCPR() throws {
    let pseudonymizer = try fixedPseudonymizer()
    for index in 0..<20_000 {
        #expect(!CPRNumber.containsCPR(pseudonymizer.pseudonym(for: "child-\(index)")))
    }
}
