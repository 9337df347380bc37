/// Functions, procedures and aggregates (PostgreSQL), each known by name and input types:
/// created, dropped, replaced in place (`CREATE OR REPLACE`) where PostgreSQL allows it, and
/// dropped and created again (what depends on it with it) where it does not.
enum FunctionComparison: SchemaComparison {
    static func compare(_ pair: SchemaPair) throws -> [MigrationOperation] {
        guard pair.dialect.traits.schemaObjects else { return [] }
        let dialect = pair.dialect
        let current = pair.current.functions.map(SchemaObject.function) + pair.current.aggregates.map(SchemaObject.aggregate)
        let wanted = pair.target.functions.map(SchemaObject.function) + pair.target.aggregates.map(SchemaObject.aggregate)
        let have = Dictionary(current.map { ($0.id, $0) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        for object in wanted {
            guard let old = have[object.id] else {
                ops.append(.createObject(object))
                continue
            }
            let a = dialect.normalized(old), b = dialect.normalized(pair.canonical.comparable(object))
            guard a != b else { continue }
            if replacesInPlace(a, with: b) {
                ops.append(.replaceObject(from: old, to: object))
                continue
            }
            let tables = pair.current.catalog.dependencies.filter { $0.referenced == object.id && $0.dependent.kind == .table }
                .map(\.dependent.name)
            if !tables.isEmpty {
                throw UnsupportedChange(
                    "cannot drop and create \(object.id) again while tables use it (\(Set(tables).sorted().joined(separator: ", ")): a default, check, index or trigger); keep its arguments and result, or change those first in a hand-written step")
            }
            ops.append(.recreateObject(from: old, to: object))
        }
        let kept = Set(wanted.map(\.id))
        for old in current where !kept.contains(old.id) { ops.append(.dropObject(old)) }
        return ops
    }

    /// True when PostgreSQL's `CREATE OR REPLACE` can turn `old` into `new`: for a function, the
    /// same kind, result, and arguments (names, modes, types; a default may be added or changed,
    /// not removed); for an aggregate, the same state type and final function (its result).
    static func replacesInPlace(_ old: SchemaObject, with new: SchemaObject) -> Bool {
        switch (old, new) {
        case (.function(let a), .function(let b)):
            guard a.kind == b.kind, a.returns == b.returns, a.arguments.count == b.arguments.count else { return false }
            return zip(a.arguments, b.arguments).allSatisfy { x, y in
                x.name == y.name && x.mode == y.mode && x.type == y.type && (x.defaultValue == nil || y.defaultValue != nil)
            }
        case (.aggregate(let a), .aggregate(let b)):
            return a.stateType == b.stateType && a.finalFunction == b.finalFunction
        default:
            return false
        }
    }
}
