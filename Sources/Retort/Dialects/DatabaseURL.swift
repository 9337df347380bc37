import Foundation

/// A database URL that Retort cannot use.
public struct DatabaseURLError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Where a database is: an SQLite file or a PostgreSQL server.
public enum DatabaseURL: Hashable, Sendable, CustomStringConvertible {
    /// An SQLite database file (`:memory:` for an in-memory one).
    case sqlite(path: String)
    /// A PostgreSQL server, as a libpq connection URI (password included).
    case postgres(PostgresURL)

    /// Parses `sqlite:///relative.db`, `sqlite:////absolute.db`, `sqlite://:memory:` or `postgres[ql]://…`.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func malformed(_ why: String) -> DatabaseURLError {
            DatabaseURLError(description: "malformed database URL '\(DatabaseURL.redact(trimmed))': \(why)")
        }
        guard let colon = trimmed.range(of: "://") else {
            throw malformed("expected sqlite:///path.db or postgres://user@host/dbname")
        }
        let scheme = trimmed[..<colon.lowerBound].lowercased()
        let rest = String(trimmed[colon.upperBound...])
        switch scheme {
        case "sqlite", "sqlite3":
            if rest == ":memory:" || rest == "/:memory:" {
                self = .sqlite(path: ":memory:")
                return
            }
            guard rest.hasPrefix("/"), rest.count > 1 else {
                throw malformed("an SQLite URL is sqlite:///relative/path.db or sqlite:////absolute/path.db")
            }
            let path = String(rest.dropFirst())
            guard !path.isEmpty, !path.hasSuffix("/") else { throw malformed("the SQLite path names no file") }
            self = .sqlite(path: path.removingPercentEncoding ?? path)
        case "postgres", "postgresql":
            self = .postgres(try PostgresURL(trimmed, malformed: malformed))
        default:
            throw malformed("unknown scheme '\(scheme)'; use sqlite or postgres")
        }
    }

    /// The dialect this URL's database speaks.
    public var dialect: DialectName {
        switch self {
        case .sqlite: return .sqlite
        case .postgres: return .postgres
        }
    }

    /// The URL with any password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:///\(path)"  // an absolute path gives sqlite:////…
        case .postgres(let url): return DatabaseURL.redact(url.uri)
        }
    }

    /// Replaces the password of a URL-shaped string (`scheme://user:password@host`) with `***`.
    public static func redact(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
            at.lowerBound > schemeEnd.upperBound
        else { return text }
        let userInfo = text[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at.lowerBound...])
    }
}

/// A PostgreSQL connection URI, checked for shape; libpq reads it.
public struct PostgresURL: Hashable, Sendable {
    /// The URI as given, handed to libpq.
    public var uri: String

    init(_ text: String, malformed: (String) -> DatabaseURLError) throws {
        guard let components = URLComponents(string: text) else {
            throw malformed("not a valid URL")
        }
        if let port = components.port, !(1...65535).contains(port) { throw malformed("port \(port) is out of range") }
        uri = text
    }

    /// This URI with the database replaced by another one (query parameters kept).
    public func replacingDatabase(with name: String) -> PostgresURL {
        var components = URLComponents(string: uri)!
        components.percentEncodedPath = "/" + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)
        var copy = self
        copy.uri = components.string ?? uri
        return copy
    }
}
