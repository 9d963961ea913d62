import KortlaegDomain
import KortlaegStore
import Testing
@testable import KortlaegReports

/// `kortlaeg status` as text: settings, children × occasion × informant, who is missing, imports.
struct ProjectStatusRendererTests {
    static let status: ProjectStatus = {
        var status = ProjectStatus(
            project: ProjectInfo(municipality: "Aarhus", interventionModel: "TIIS", toolVersion: "1.0"), childCount: 14,
            counts: [OccasionCount(occasion: "T1", informant: "parent", children: 12),
                     OccasionCount(occasion: "T1", informant: "teacher", children: 9),
                     OccasionCount(occasion: "T2", informant: "parent", children: 10)],
            missing: [MissingOccasion(occasion: "T2", children: ["3f2a09bc77de01", "00001111222233", "abcdabcdabcdab"])],
            recentImports: [ImportSummary(fileName: "t2.csv", sha256: "abcdef0123456789abcdef", importedAt: "2026-03-01T10:00:00Z",
                                          profile: "sdq-csv", operator: "KB", accepted: 10, rejected: 2, replaced: 1)])
        status.trivselFigures = 11
        return status
    }()

    /// Counts right-aligned under their informant; two of three missing children listed, then "(+1)".
    @Test func danishByDefault() {
        let text = ProjectStatusRenderer(status: Self.status, location: "p.kortlaeg", listedChildren: 2).text
        #expect(text == """
            Projekt p.kortlaeg
              kommune: Aarhus
              indsatsmodel: TIIS
              kortlægningsværktøj, version: 1.0
              børn: 14
              trivselsmåling: 11 tal gemt ('kortlaeg trivsel --project' viser dem)

            Børn med besvarelser (tidspunkt × informant):
              tidspunkt  forælder  lærer/pædagog
              T1               12              9
              T2               10              0

            Mangler T2 (har T1, ingen T2): 3 børn: 3f2a-09bc-77de, 0000-1111-2222 … (+1)

            Seneste importer:
              2026-03-01T10:00:00Z  t2.csv  sha256 abcdef012345  10 gemt, 2 problemer, 1 erstattet  af KB

            """)
    }

    @Test func englishAndAnEmptyProject() {
        let english = ProjectStatusRenderer(status: Self.status, location: "p.kortlaeg", language: .english).text
        #expect(english.contains("  municipality: Aarhus\n"))
        #expect(english.contains("  occasion  parent  teacher\n"))
        #expect(english.contains("Missing T2 (T1, no T2): 3 children: 3f2a-09bc-77de, 0000-1111-2222, abcd-abcd-abcd\n"))
        #expect(english.contains("10 stored, 2 problems, 1 replaced  by KB"))

        let empty = ProjectStatus(project: ProjectInfo(), childCount: 0, counts: [], missing: [], recentImports: [])
        #expect(ProjectStatusRenderer(status: empty, location: "ny.kortlaeg").text == """
            Projekt ny.kortlaeg
              børn: 0

            Ingen besvarelser endnu. Importér med 'kortlaeg import FIL --project ny.kortlaeg --occasion T1'.


            Seneste importer:
              ingen

            """)
    }
}
