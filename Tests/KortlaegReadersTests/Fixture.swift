import Foundation

/// Paths of files under `Fixtures/`.
enum Fixture {
    static func path(_ relative: String) -> String {
        guard let root = Bundle.module.resourceURL else { fatalError("no resource bundle") }
        return root.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }
}
