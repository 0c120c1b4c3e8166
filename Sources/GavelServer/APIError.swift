import GavelSyntax
import HTTPTypes
import Hummingbird

/// Every error the service answers, as one JSON shape (openapi.json's
/// `Error`): the status, a sentence, and the located problems when a case
/// was refused, each also as the one line the command line prints.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var problems: [Diagnostic] = []
    var headers: HTTPFields = [:]

    static func json(status: Int, message: String, problems: [Diagnostic]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("status")
        w.int(status)
        w.field("error")
        w.string(message)
        w.field("problems")
        w.beginArray()
        for problem in problems {
            w.beginObject()
            w.field("severity")
            w.string(problem.severity.rawValue)
            w.field("code")
            w.string(problem.rule)
            w.field("message")
            w.string(problem.message)
            w.field("file")
            if let location = problem.location { w.string(location.file) } else { w.null() }
            w.field("line")
            if let location = problem.location { w.int(location.line) } else { w.null() }
            w.field("column")
            if let location = problem.location { w.int(location.column) } else { w.null() }
            w.field("help")
            if let help = problem.help { w.string(help) } else { w.null() }
            w.field("text")
            w.string(problem.oneLine)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    var response: Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(
            status: status, headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.json(status: status.code, message: message, problems: problems) + [10])))
    }
}

/// Turns every error a route or the router throws into the JSON error shape.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = "no such route: \(request.method) \(request.uri.path)"
            case .contentTooLarge: message = "the request body is larger than the service accepts"
            case .methodNotAllowed: message = "\(request.method) is not allowed on \(request.uri.path)"
            default: message = error.body ?? error.status.reasonPhrase
            }
            return APIError(status: error.status, message: message, headers: error.headers).response
        } catch {
            return APIError(status: .internalServerError, message: "\(error)").response
        }
    }
}
