/// Tables Retort does not own: names and simple `*` patterns (`alembic_version`, `_fluent_*`).
/// Excluded tables are never created, altered or dropped, and never reported as drift; a model
/// may still reference one with a foreign key. Retort's own tables are always left out.
public struct TableFilter: Hashable, Sendable {
    /// The names and patterns.
    public var patterns: [String]

    /// A filter excluding these names and patterns.
    public init(_ patterns: [String] = []) {
        self.patterns = patterns
    }

    /// True when the table is not Retort's to manage.
    public func excludes(_ name: String) -> Bool {
        RetortTables.all.contains(name) || patterns.contains { Self.matches(name, $0) }
    }

    /// The schema without the excluded tables.
    public func apply(_ schema: Schema) -> Schema {
        guard !patterns.isEmpty else { return schema }
        var copy = schema
        copy.tables.removeAll { excludes($0.name) }
        return copy
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
