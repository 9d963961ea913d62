import Foundation
import KortlaegDomain

/// The declared missing values of one variable (SPSS code, Stata tag, label), chosen so that no
/// code lies inside the range the variable can take.
///
/// Scores, bands and items on a non-negative range keep the familiar -9/-8/-7. A change on 0–40
/// spans -40…40, so its codes become -99/-98/-97; an RCI whose extremes are ±31.6 gets -99/-98/-97
/// as well; a change on 0–100 gets -999/-998/-997. Rule: the smallest k ≥ 1 with
/// 10^k − 3 > −minimum; the codes are −(10^k − 1), −(10^k − 2), −(10^k − 3).
struct MissingReasons: Equatable {
    /// A response exists but the value could not be computed or the item was not answered (tag a).
    let notComputed: Int
    /// No response at this occasion (tag b).
    let noResponse: Int
    /// Cannot be computed: no reliability/SD for the RCI (tag c).
    let noNorms: Int
    /// The declared codes, in tag order.
    let codes: [ExportMissingCode]

    /// The three codes alone (what a cell needs; copying them retains nothing).
    struct Numbers {
        let notComputed: Int
        let noResponse: Int
        let noNorms: Int
    }

    var numbers: Numbers { Numbers(notComputed: notComputed, noResponse: noResponse, noNorms: noNorms) }

    /// The codes for a variable whose smallest possible value is `minimum` (nil: not known; then
    /// the variable is taken as non-negative, e.g. a count or a code).
    init(below minimum: Double?, language: Language, rci: Bool = false) {
        let floor = max(0, -(minimum ?? 0))
        var power = 10.0
        while power - 3 <= floor { power *= 10 }
        let base = -Int(power)
        notComputed = base + 1
        noResponse = base + 2
        noNorms = base + 3
        let da = language == .danish
        var codes = [
            ExportMissingCode(code: notComputed, tag: "a", label: da ? "Ikke beregnet/ikke besvaret" : "Not computed/not answered"),
            ExportMissingCode(code: noResponse, tag: "b", label: da ? "Ingen besvarelse ved dette måletidspunkt" : "No response at this occasion"),
        ]
        if rci {
            codes.append(ExportMissingCode(code: noNorms, tag: "c",
                                           label: da ? "Kan ikke beregnes: reliabilitet eller SD mangler" : "Cannot be computed: reliability or SD missing"))
        }
        self.codes = codes
    }

    /// The possible range of the change between two values of `range`.
    static func changeRange(of range: ScoreRange) -> ClosedRange<Double> {
        let span = range.maximum - range.minimum
        return -span...span
    }
}
