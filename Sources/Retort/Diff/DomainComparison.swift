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
                let users = pair.current.catalog.columns(using: ObjectID(.domain, domain.name))
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
