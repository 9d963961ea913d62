import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Security headers on every response, and no stack trace or error text to the browser: an error
/// becomes a plain page with its status; only the error's type is logged (messages can name files).
struct SafetyMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Self.errorPage(error.status)
        } catch {
            logger.error("request failed: \(String(describing: type(of: error)))", metadata: ["path": .string(request.uri.path)])
            response = Self.errorPage(.internalServerError)
        }
        for (name, value) in SecurityHeaders.all { response.headers[name] = value }
        return response
    }

    static func errorPage(_ status: HTTPResponse.Status) -> Response { SecurityHeaders.errorPage(status) }
}

/// The headers every response carries, and the error page.
enum SecurityHeaders {
    static let all: [(HTTPField.Name, String)] = [
        (HTTPField.Name("Content-Security-Policy")!,
         "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        (.cacheControl, "no-store"),
    ]

    static func errorPage(_ status: HTTPResponse.Status) -> Response {
        let text: String = switch status.code {
        case 400: "Forespørgslen kunne ikke læses. / The request could not be read."
        case 403: "Du har ikke adgang til denne side, eller formularen var udløbet. / You may not open this page, or the form had expired."
        case 404: "Siden findes ikke. / The page does not exist."
        case 413: "Filen er for stor. / The file is too large."
        default: "Der skete en fejl på serveren. Prøv igen, eller kontakt den ansvarlige. / The server failed; please try again."
        }
        let html = """
            <!DOCTYPE html>
            <html lang="da"><head><meta charset="utf-8"><title>Kortlæg – \(status.code)</title>
            <link rel="stylesheet" href="/assets/kortlaeg.css"></head>
            <body><main><h1>\(status.code)</h1><p>\(HTML.e(text))</p><p><a href="/">Kortlæg</a></p></main></body></html>
            """
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
