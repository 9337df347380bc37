/// Tables and other objects Retort does not own: names and simple `*` patterns (`alembic_version`,
/// `_fluent_*`) for tables, and `kind:pattern` for objects of another kind (`view:report_*`).
/// Excluded objects are never created, altered or dropped, and never reported as drift; a model
/// may still reference an excluded table with a foreign key, and an excluded view that uses a
/// column Retort changes is dropped and created again, unchanged. Retort's own tables are always
/// left out.
public struct TableFilter: Hashable, Sendable {
    /// The names and patterns.
    public var patterns: [String]

    /// A filter excluding these names and patterns (`kind:pattern` for a kind other than tables).
    public init(_ patterns: [String] = []) {
        self.patterns = patterns
    }

    /// True when the table is not Retort's to manage.
    public func excludes(_ name: String) -> Bool {
        RetortTables.all.contains(name) || patterns.contains { Self.split($0).kind == .table && Self.matches(name, Self.split($0).pattern) }
    }

    /// True when the object is not Retort's to manage.
    public func excludes(_ id: ObjectID) -> Bool {
        if id.kind == .table { return excludes(id.name) }
        return patterns.contains { p in
            let (kind, pattern) = Self.split(p)
            guard kind == id.kind else { return false }
            // A function is known by its signature (`f(integer)`); a pattern may name it without one.
            let signed: Set<ObjectKind> = [.function, .procedure, .aggregate]
            let bare = signed.contains(id.kind) ? id.name.firstIndex(of: "(").map { String(id.name[..<$0]) } ?? id.name : id.name
            return Self.matches(id.name, pattern) || Self.matches(bare, pattern)
        }
    }

    /// The schema without the excluded tables and objects (the catalog's facts keep them: an
    /// excluded view is still created again around a change to what it uses).
    public func apply(_ schema: Schema) -> Schema {
        guard !patterns.isEmpty else { return schema }
        var copy = schema
        copy.tables.removeAll { excludes($0.name) }
        for object in schema.objects where excludes(object.id) { copy.remove(object.id) }
        return copy
    }

    /// A pattern's kind and the rest: `view:x*` is (view, `x*`); a pattern without a known kind
    /// before its first colon is a table's.
    static func split(_ pattern: String) -> (kind: ObjectKind, pattern: String) {
        guard let colon = pattern.firstIndex(of: ":"), let kind = ObjectKind(rawValue: String(pattern[..<colon])) else {
            return (.table, pattern)
        }
        return (kind, String(pattern[pattern.index(after: colon)...]))
    }

    /// Checks a `kind:pattern` given for an object; throws a one-line error naming the known kinds.
    public static func objectPattern(_ text: String) throws -> String {
        guard let colon = text.firstIndex(of: ":"), ObjectKind(rawValue: String(text[..<colon])) != nil,
            text.index(after: colon) < text.endIndex
        else {
            throw ModelError(
                "'\(text)' is not KIND:PATTERN; kinds: \(ObjectKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return text
    }

    /// Glob matching where `*` stands for any run of characters (and nothing else is special).
    static func matches(_ name: String, _ pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return name == pattern }
        guard name.hasPrefix(parts[0]), name.hasSuffix(parts[parts.count - 1]),
            name.count >= parts[0].count + parts[parts.count - 1].count
        else { return false }
        var rest = Substring(name.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let r = rest.range(of: middle) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }
}
