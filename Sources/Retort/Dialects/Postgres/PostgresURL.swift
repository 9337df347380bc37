import CLibPQ
import Foundation

/// A PostgreSQL connection string (a `postgres://` URI or libpq keyword/value pairs), parsed by
/// libpq itself, so every parameter libpq accepts is understood and every password is found.
public struct PostgresURL: Hashable, Sendable {
    /// The connection string as given (print it through `DatabaseURL.redact`).
    public var uri: String
    /// The parameters libpq read from it, in libpq's order.
    public var parameters: [(key: String, value: String)]

    /// How long to wait for a connection when the URL sets no `connect_timeout`, in seconds.
    public static let defaultConnectTimeout = 10

    init(_ text: String, malformed: (String) -> DatabaseURLError) throws {
        if text.contains("://") {
            if let port = URLComponents(string: text)?.port, !(1...65535).contains(port) {
                throw malformed("port \(port) is out of range")
            }
        }
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &error) else {
            let message = error.map { String(cString: $0) } ?? "libpq cannot parse it"
            PQfreemem(error)
            throw malformed(DatabaseURL.redact(message.trimmingCharacters(in: .whitespacesAndNewlines), secretsOf: text))
        }
        defer { PQconninfoFree(options) }
        var parameters: [(key: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { parameters.append((String(cString: keyword), String(cString: value))) }
            option += 1
        }
        uri = text
        self.parameters = parameters
    }

    private init(uri: String, parameters: [(key: String, value: String)]) {
        self.uri = uri
        self.parameters = parameters
    }

    public static func == (a: PostgresURL, b: PostgresURL) -> Bool { a.uri == b.uri }
    public func hash(into hasher: inout Hasher) { hasher.combine(uri) }

    /// The value of a parameter, if the string sets it.
    public func parameter(_ key: String) -> String? { parameters.first { $0.key == key }?.value }

    /// The password, in whichever form the string gave it.
    public var password: String? { parameter("password") }

    /// The parameters handed to libpq: the string's own, plus the default connect timeout.
    var connectionParameters: [(key: String, value: String)] {
        parameter("connect_timeout") == nil ? parameters + [("connect_timeout", String(Self.defaultConnectTimeout))] : parameters
    }

    /// This connection string with the database replaced by another one (other parameters kept).
    public func replacingDatabase(with name: String) -> PostgresURL {
        let replaced = parameters.filter { $0.key != "dbname" } + [("dbname", name)]
        if uri.contains("://"), var components = URLComponents(string: uri) {
            components.percentEncodedPath = "/" + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)
            return PostgresURL(uri: components.string ?? uri, parameters: replaced)
        }
        let text = replaced.map { "\($0.key)='\($0.value.replacingScalars(["\\": "\\\\", "'": "\\'"]))'" }
        return PostgresURL(uri: text.joined(separator: " "), parameters: replaced)
    }
}
