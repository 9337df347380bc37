/// Domains (PostgreSQL): created, dropped, changed in place (`ALTER DOMAIN`: default, NOT NULL,
/// checks by meaning, comment), or dropped and created when the base type or collation changes
/// and no column uses the domain (refused, naming the columns, when some do).
enum DomainComparison: SchemaComparison {
    static func compare(_ pair: SchemaPair) throws -> [MigrationOperation] {
        guard pair.dialect.traits.schemaObjects else { return [] }
        let dialect = pair.dialect
        var ops: [MigrationOperation] = []
        let have = Dictionary(pair.current.domains.map { ($0.name, $0) }) { a, _ in a }
        for domain in pair.target.domains {
            guard let old = have[domain.name] else {
                ops.append(.createObject(.domain(domain)))
                continue
            }
            let comparable = pair.canonical.domains[domain.name].map { c in
                var d = domain
                d.defaultValue = c.defaultValue
                d.checks = domain.checks.map { m in c.checks.first { $0.name == m.name } ?? m }
                d.type = c.type
                return d
            } ?? domain
            guard case .domain(let a) = dialect.normalized(.domain(old)), case .domain(let b) = dialect.normalized(.domain(comparable)),
                a != b
            else { continue }
            guard a.type == b.type, a.collation == b.collation else {
                let users = pair.current.tables.flatMap { t in
                    t.columns.filter { PostgresDialect.typeSQL($0) == domain.name }.map { "\(t.name).\($0.name)" }
                }
                if !users.isEmpty {
                    throw UnsupportedChange(
                        "cannot change the base type or collation of domain \(domain.name) while \(users.joined(separator: ", ")) use it; give the columns their new type in a hand-written step first")
                }
                ops.append(.recreateObject(from: .domain(old), to: .domain(domain)))
                continue
            }
            ops.append(.replaceObject(from: .domain(old), to: .domain(domain)))
        }
        let kept = Set(pair.target.domains.map(\.name))
        for old in pair.current.domains where !kept.contains(old.name) { ops.append(.dropObject(.domain(old))) }
        return ops
    }
}

/// Composite types (PostgreSQL): created, dropped, changed in place (`ALTER TYPE`: attributes
/// dropped, retyped, appended; the comment), or dropped and created when the attributes that stay
/// change order and no column uses the type (refused, naming the columns, when some do).
enum CompositeTypeComparison: SchemaComparison {
    static func compare(_ pair: SchemaPair) throws -> [MigrationOperation] {
        guard pair.dialect.traits.schemaObjects else { return [] }
        var ops: [MigrationOperation] = []
        let have = Dictionary(pair.current.compositeTypes.map { ($0.name, $0) }) { a, _ in a }
        for type in pair.target.compositeTypes {
            guard let old = have[type.name] else {
                ops.append(.createObject(.compositeType(type)))
                continue
            }
            guard case .compositeType(let a) = pair.dialect.normalized(.compositeType(old)),
                case .compositeType(let b) = pair.dialect.normalized(.compositeType(type)), a != b
            else { continue }
            // PostgreSQL changes no attribute of a type a column uses (it would rewrite the rows).
            let users = pair.current.tables.flatMap { t in
                t.columns.filter { PostgresDialect.typeSQL($0) == type.name }.map { "\(t.name).\($0.name)" }
            }
            if a.attributes != b.attributes, !users.isEmpty {
                throw UnsupportedChange(
                    "cannot change the attributes of composite type \(type.name) while \(users.joined(separator: ", ")) use it (PostgreSQL refuses); add a new type and move the columns to it in hand-written steps")
            }
            // ALTER TYPE keeps the attributes that stay in their order and appends new ones.
            let oldNames = old.attributes.map(\.name), newNames = type.attributes.map(\.name)
            let kept = oldNames.filter(newNames.contains)
            if newNames == kept + newNames.filter({ !oldNames.contains($0) }) {
                ops.append(.replaceObject(from: .compositeType(old), to: .compositeType(type)))
            } else {
                ops.append(.recreateObject(from: .compositeType(old), to: .compositeType(type)))
            }
        }
        let wanted = Set(pair.target.compositeTypes.map(\.name))
        for old in pair.current.compositeTypes where !wanted.contains(old.name) { ops.append(.dropObject(.compositeType(old))) }
        return ops
    }
}
