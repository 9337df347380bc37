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
            let users = pair.current.catalog.columns(using: ObjectID(.compositeType, type.name))
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
