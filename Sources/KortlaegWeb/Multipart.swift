import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A posted `multipart/form-data` body: its text fields and at most one file.
struct MultipartForm {
    var fields: [String: String] = [:]
    var fileName: String?
    var file: [UInt8] = []

    /// Reads the form; a body over `limit` bytes is refused (413), a malformed one is 400.
    static func read(_ request: Request, limit: Int) async throws -> MultipartForm {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let boundaryRange = type.range(of: "boundary=") else { throw HTTPError(.badRequest) }
        let boundary = type[boundaryRange.upperBound...].split(separator: ";")[0].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit + 64 * 1024) } catch { throw HTTPError(.contentTooLarge) }
        var form = MultipartForm()
        var name: String?, fileName: String?, bytes: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            for parameter in value.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                let unquoted = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                if pair[0] == "name" { name = unquoted }
                if pair[0] == "filename" { fileName = unquoted }
            }
        }
        parser.onBody = { chunk in bytes += chunk.readBytes(length: chunk.readableBytes) ?? [] }
        parser.onPartComplete = {
            if let fileName, name == "file" {
                form.fileName = fileName
                form.file = bytes
            } else if let name {
                form.fields[name] = String(decoding: bytes, as: UTF8.self)
            }
            name = nil; fileName = nil; bytes = []
        }
        do { try parser.execute(buffer) } catch { throw HTTPError(.badRequest) }
        guard form.file.count <= limit else { throw HTTPError(.contentTooLarge) }
        return form
    }
}
