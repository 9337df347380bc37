/// Extensions (PostgreSQL), by name: created when the models use one the database lacks; moved to
/// another schema or updated to another version when the models name one (left as they are
/// otherwise); dropped when the models no longer declare one that lives in the schema Retort
/// manages. An extension in another schema is the database's, shared with other schemas: never
/// dropped as drift of this one.
enum ExtensionComparison: SchemaComparison {
    static func compare(_ pair: SchemaPair) throws -> [MigrationOperation] {
        guard pair.dialect.traits.schemaObjects else { return [] }
        /// The schema Retort manages is spelled nil: the extension goes where the search path says.
        func local(_ e: Extension, in schema: Schema) -> Extension {
            var e = e
            if e.schema != nil, e.schema == schema.catalog.schemaName { e.schema = nil }
            return e
        }
        let have = Dictionary(pair.current.extensions.map { ($0.name, $0) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        for wanted in pair.target.extensions {
            let e = local(wanted, in: pair.target)
            guard let old = have[e.name] else {
                ops.append(.createObject(.extension(e)))
                continue
            }
            let here = local(old, in: pair.current)
            var to = here
            if e.schema != nil { to.schema = e.schema }
            if e.version != nil { to.version = e.version }
            if to != here { ops.append(.replaceObject(from: .extension(here), to: .extension(to))) }
        }
        let declared = Set(pair.target.extensions.map(\.name))
        for old in pair.current.extensions where !declared.contains(old.name) && local(old, in: pair.current).schema == nil {
            ops.append(.dropObject(.extension(local(old, in: pair.current))))
        }
        return ops
    }
}
