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

    /// Parses `sqlite:///relative.db`, `sqlite:////absolute.db`, `sqlite://:memory:`, `postgres[ql]://…`,
    /// or a libpq keyword/value string (`host=… dbname=…`).
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func malformed(_ why: String) -> DatabaseURLError {
            DatabaseURLError(description: "malformed database URL '\(DatabaseURL.redact(trimmed))': \(why)")
        }
        guard let colon = trimmed.range(of: "://") else {
            if trimmed.contains("=") {
                self = .postgres(try PostgresURL(trimmed, malformed: malformed))
                return
            }
            throw malformed("expected sqlite:///path.db, postgres://user@host/dbname or host=… dbname=…")
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
            // libpq recognises a URI by its lower-case scheme only; schemes are case-insensitive.
            self = .postgres(try PostgresURL(scheme + "://" + rest, malformed: malformed))
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

    /// Replaces every password in a connection string with `***`: a URL's `user:password@`, a
    /// `password=` query parameter, and a keyword/value `password=…` (quoted or not).
    public static func redact(_ text: String) -> String {
        // Scalar by scalar, as libpq reads bytes: a quote that a combining mark follows is one
        // Character that is not a quote, and would move where a quoted password seems to end.
        let chars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView(), i = 0
        let ranges = passwordRanges(chars)
        for range in ranges {
            out.append(contentsOf: chars[i..<range.lowerBound])
            out.append(contentsOf: "***".unicodeScalars)
            i = range.upperBound
        }
        out.append(contentsOf: chars[i...])
        // The same secret written again elsewhere (a URL that repeats itself) is hidden there too.
        var result = String(out)
        for range in ranges where range.count >= 4 {
            result = result.replacingOccurrences(of: String(String.UnicodeScalarView(chars[range])), with: "***")
        }
        return result
    }

    /// `message` (an error about `source`) with every password `source` holds replaced by `***`,
    /// also where the message quotes one on its own (libpq: `invalid percent-encoded token: "…"`).
    public static func redact(_ message: String, secretsOf source: String) -> String {
        let chars = Array(source.unicodeScalars)
        var result = redact(message)
        for range in passwordRanges(chars) where !range.isEmpty {
            let secret = String(String.UnicodeScalarView(chars[range]))
            for form in [secret, secret.removingPercentEncoding].compactMap({ $0 }) where !form.isEmpty {
                result = result.replacingOccurrences(of: form, with: "***")
            }
        }
        return result
    }

    /// Where the passwords are: a URL's `user:password@` and every `password=value` (any case,
    /// spaces around `=`, value quoted or not; in a URL a value ends at `&` or `#`).
    private static func passwordRanges(_ chars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let schemeEnd = (0..<max(0, chars.count - 2)).first { chars[$0] == ":" && chars[$0 + 1] == "/" && chars[$0 + 2] == "/" }.map { $0 + 3 }
        let isURL = schemeEnd != nil
        if let schemeEnd {
            // libpq looks for `user:password@` up to the first `/` only (a `?` before it is in the password).
            let authorityEnd = chars[schemeEnd...].firstIndex { $0 == "/" } ?? chars.count
            if let at = chars[schemeEnd..<authorityEnd].lastIndex(of: "@"),
                let colon = chars[schemeEnd..<at].firstIndex(of: ":")
            {
                ranges.append((colon + 1)..<at)
            }
        }
        var i = 0
        let key = "password"
        while i < chars.count {
            let boundary = i == 0 || chars[i - 1].properties.isWhitespace || chars[i - 1] == "?" || chars[i - 1] == "&"
            if boundary, i + key.count <= chars.count, String(String.UnicodeScalarView(chars[i..<(i + key.count)])).lowercased() == key {
                var j = i + key.count
                while j < chars.count, chars[j] == " " { j += 1 }
                if j < chars.count, chars[j] == "=" {
                    j += 1
                    while j < chars.count, chars[j] == " " { j += 1 }
                    var end = j
                    if end < chars.count, chars[end] == "'" {
                        end += 1
                        while end < chars.count, chars[end] != "'" { end += chars[end] == "\\" ? 2 : 1 }
                        end = min(end + 1, chars.count)
                        // Text run on after the closing quote (malformed for libpq) is hidden with it:
                        // whatever libpq makes of it, none of the password shows.
                        while end < chars.count, !chars[end].properties.isWhitespace { end += 1 }
                    } else {
                        while end < chars.count, !chars[end].properties.isWhitespace, !(isURL && (chars[end] == "&" || chars[end] == "#")) {
                            end += 1
                        }
                    }
                    ranges.append(j..<end)
                    i = end
                    continue
                }
            }
            i += 1
        }
        // Overlapping finds (a `password=` inside a URL's user part) become one.
        var merged: [Range<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }
}

