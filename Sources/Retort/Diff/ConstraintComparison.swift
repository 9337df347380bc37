/// The primary key: any difference, its name included, drops the old one and adds the new one.
enum PrimaryKeyComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        guard pair.normalizedOld.primaryKey != pair.normalizedNew.primaryKey else { return [] }
        var ops: [MigrationOperation] = []
        if let pk = pair.old.primaryKey { ops.append(.dropConstraint(table: pair.name, constraint: .primaryKey(pk))) }
        if let pk = pair.new.primaryKey { ops.append(.addConstraint(table: pair.name, constraint: .primaryKey(pk))) }
        return ops
    }
}

/// Unique constraints, paired by definition.
enum UniqueConstraintComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        ConstraintMatching.match(
            table: pair.name, old: zip(pair.old.uniqueConstraints, pair.normalizedOld.uniqueConstraints).map { ($0, $1) },
            new: zip(pair.new.uniqueConstraints, pair.normalizedNew.uniqueConstraints).map { ($0, $1) }, wrap: Constraint.unique)
    }
}

/// Foreign keys, paired by definition.
enum ForeignKeyComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        ConstraintMatching.match(
            table: pair.name, old: zip(pair.old.foreignKeys, pair.normalizedOld.foreignKeys).map { ($0, $1) },
            new: zip(pair.new.foreignKeys, pair.normalizedNew.foreignKeys).map { ($0, $1) }, wrap: Constraint.foreignKey)
    }
}

/// Check constraints, paired by definition (their expressions as the database spells them).
enum CheckConstraintComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        ConstraintMatching.match(
            table: pair.name, old: zip(pair.old.checks, pair.normalizedOld.checks).map { ($0, $1) },
            new: zip(pair.new.checks, pair.normalizedNew.checks).map { ($0, $1) }, wrap: Constraint.check)
    }
}

/// A constraint kind compared by definition, which may be kept `NOT VALID` by the database.
protocol NamedConstraint: ComparedByDefinition {
    var name: String? { get }
    /// True when the database keeps it `NOT VALID` (existing rows not checked).
    var notValid: Bool { get }
}

extension UniqueConstraint: NamedConstraint {
    /// A unique constraint is always validated.
    var notValid: Bool { false }
}
extension ForeignKey: NamedConstraint {}
extension CheckConstraint: NamedConstraint {}

/// Pairs constraints of one kind by definition (same name first): what is only in `old` is dropped,
/// what is only in `new` is added; a pair whose names differ is renamed, and one that is `NOT VALID`
/// in the database only is validated (the other way round, it is dropped and added `NOT VALID`).
enum ConstraintMatching {
    /// `old` and `new` hold each constraint as given and as normalized by the dialect.
    static func match<C: NamedConstraint>(
        table: String, old: [(given: C, normalized: C)], new: [(given: C, normalized: C)], wrap: (C) -> Constraint
    ) -> [MigrationOperation] {
        var remaining = old
        var ops: [MigrationOperation] = []
        var drops: [MigrationOperation] = []
        for (constraint, normalized) in new {
            let same = remaining.indices.filter { remaining[$0].normalized.sameDefinition(as: normalized) }
            guard let i = same.first(where: { remaining[$0].given.name == constraint.name }) ?? same.first else {
                ops.append(.addConstraint(table: table, constraint: wrap(constraint)))
                continue
            }
            let (existing, existingNormalized) = remaining.remove(at: i)
            if !existingNormalized.notValid, normalized.notValid {
                drops.append(.dropConstraint(table: table, constraint: wrap(existing)))
                ops.append(.addConstraint(table: table, constraint: wrap(constraint)))
                continue
            }
            if let from = existing.name, let to = constraint.name, from != to {
                ops.append(.renameConstraint(table: table, from: from, to: to))
            }
            if existingNormalized.notValid, !normalized.notValid, let n = constraint.name ?? existing.name {
                ops.append(.validateConstraint(table: table, name: n))
            }
        }
        return drops + remaining.map { .dropConstraint(table: table, constraint: wrap($0.given)) } + ops
    }
}
