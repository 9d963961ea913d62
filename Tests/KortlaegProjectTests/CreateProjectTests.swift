import Foundation
import KortlaegProject
import Testing

/// The `init` use case and ``ProjectLocation/create(_:project:operator:)``.
struct CreateProjectTests {
    @Test func createsOnceAndNeverOverwrites() throws {
        let folder = try useCaseFolder()
        let path = folder.appendingPathComponent("aarhus.kortlaeg").path
        let sink = CollectingSink()
        let info = ProjectInfo(municipality: "Aarhus", interventionModel: "TIIS", toolVersion: "1.0")
        let store = try CreateProject.run(CreateProject.Request(location: path, project: info, operator: "KB"), sink: sink)
        #expect(sink.notes == ["created project \(path)"])
        let stored = try store.project()
        #expect(stored.municipality == "Aarhus" && stored.interventionModel == "TIIS" && stored.toolVersion == "1.0")
        #expect(try ProjectLocation.open(path).status(recentImports: 1).childCount == 0)

        let error = expectFailure { () throws(KortlaegError) in
            try CreateProject.run(CreateProject.Request(location: path, operator: "KB"), sink: CollectingSink())
        }
        #expect(error?.severity == .cannotWrite)
        #expect(error?.message == "\(path) already exists. 'kortlaeg init' never overwrites a project; choose a new path or remove the old file yourself.")
        #expect(try ProjectLocation.open(path).project().municipality == "Aarhus")
    }
}
