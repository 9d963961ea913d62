import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

extension Site {
    func registerAudit(on router: Router<BasicRequestContext>) {
        router.get("/audit") { request, _ in
            try await page(.auditLog, request) { visit, _ in
                let l = visit.language
                let entries = try ProjectLocation.open(configuration.project).auditLog().reversed()
                var h = "<p>\(HTML.e(T.auditIntro(l)))</p><div class=\"scroll\"><table class=\"audit\"><caption>\(HTML.e(T.auditTitle(l)))</caption>"
                h += "<thead><tr><th scope=\"col\">\(HTML.e(T.when(l)))</th><th scope=\"col\">\(HTML.e(T.who(l)))</th><th scope=\"col\">\(HTML.e(T.action(l)))</th><th scope=\"col\">\(HTML.e(T.what(l)))</th></tr></thead><tbody>"
                for entry in entries {
                    h += "<tr><td>\(HTML.e(entry.at))</td><td>\(HTML.e(entry.operator))</td><td>\(HTML.e(T.auditAction(entry.action)(l))) (\(HTML.e(entry.action.rawValue)))</td><td>\(HTML.message(entry.summary))</td></tr>"
                }
                h += "</tbody></table></div>"
                return try html(T.auditTitle(l), h, visit)
            }
        }
    }
}
