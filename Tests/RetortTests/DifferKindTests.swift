@testable import Retort
import Testing

/// The differ, one object kind at a time, on values alone (no database): what each kind's
/// comparison reports for the changes that matter to it.
@Suite("Differ per kind: columns, constraints, indexes, comments, options, enum types, sequences")
struct DifferKindTests {
    static let base = Table(
        name: "t", columns: [Column("id", .integer), Column("a", .text, nullable: true), Column("n", .integer, nullable: true)],
        primaryKey: PrimaryKey(["id"], name: "pk_t"), uniqueConstraints: [UniqueConstraint(["a"], name: "uq_t_a")],
        foreignKeys: [ForeignKey(["n"], references: "t", ["id"], name: "fk_t_n")], checks: [CheckConstraint("ck_t_n", "n > 0")],
        indexes: [Index(["n"], name: "ix_t_n")], comment: "t")

    /// The operations that turn `base` into `base` changed by `change`, on `dialect`.
    static func diff(_ dialect: DialectName = .postgres, _ change: (inout Table) -> Void) throws -> [MigrationOperation] {
        var changed = base
        change(&changed)
        return try Differ(dialect: dialect.implementation).diff(from: Schema(tables: [base]), to: Schema(tables: [changed]))
    }

    @Test("columns: added, dropped, changed; NULL rows backfilled only with the value the model names")
    func columns() throws {
        #expect(try Self.diff { $0.columns.append(Column("b", .integer, nullable: true)) }
            == [.addColumn(table: "t", column: Column("b", .integer, nullable: true))])
        #expect(try Self.diff { $0.columns.remove(at: 1); $0.uniqueConstraints = [] }.contains(
            .dropColumn(table: "t", column: Column("a", .text, nullable: true))))
        #expect(try Self.diff { $0.columns[1].comment = "x" }
            == [.alterColumn(table: "t", from: Self.base.columns[1], to: Column("a", .text, nullable: true, comment: "x"))])
        let notNull = try Self.diff { t in
            t.columns[1].nullable = false
            t.hints = TableHints()
            t.hints?.backfills = ["a": "none"]
        }
        #expect(notNull == [
            .backfill(table: "t", column: "a", value: "none"),
            .alterColumn(table: "t", from: Self.base.columns[1], to: Column("a", .text)),
        ])
    }

    @Test("constraints: paired by definition, so a new name is a rename; NOT VALID is validated, never re-created")
    func constraints() throws {
        #expect(try Self.diff { $0.uniqueConstraints[0].name = "uq_t_a2" } == [.renameConstraint(table: "t", from: "uq_t_a", to: "uq_t_a2")])
        var invalid = Self.base
        invalid.foreignKeys[0].notValid = true
        #expect(try Differ(dialect: PostgresDialect()).diff(from: Schema(tables: [invalid]), to: Schema(tables: [Self.base]))
            == [.validateConstraint(table: "t", name: "fk_t_n")])
        let check = try Self.diff { $0.checks[0].expression = "n > 1" }
        #expect(check == [
            .dropConstraint(table: "t", constraint: .check(CheckConstraint("ck_t_n", "n > 0"))),
            .addConstraint(table: "t", constraint: .check(CheckConstraint("ck_t_n", "n > 1"))),
        ])
        // The key is re-created, and the foreign key that references it lets go first and comes back after.
        let key = try Self.diff { $0.primaryKey?.deferrable = .initiallyDeferred }
        #expect(key.contains(.dropConstraint(table: "t", constraint: .primaryKey(PrimaryKey(["id"], name: "pk_t")))))
        #expect(key.contains(.addConstraint(table: "t", constraint: .primaryKey(PrimaryKey(["id"], name: "pk_t", deferrable: .initiallyDeferred)))))
        #expect(key.contains(.dropConstraint(table: "t", constraint: .foreignKey(Self.base.foreignKeys[0]))))
    }

    @Test("indexes: paired by name; a new definition rebuilds, a new comment only comments")
    func indexes() throws {
        #expect(try Self.diff { $0.indexes[0].comment = "by n" }
            == [.setIndexComment(table: "t", index: "ix_t_n", from: nil, to: "by n")])
        let rebuilt = Index(["n"], name: "ix_t_n", where: "n > 0")
        #expect(try Self.diff { $0.indexes[0] = rebuilt }
            == [.dropIndex(table: "t", index: Self.base.indexes[0]), .createIndex(table: "t", index: rebuilt)])
        // Options spelled one per key or left out when every key is plain are the same index.
        #expect(try Self.diff { $0.indexes[0].keyOptions = [IndexKeyOptions()] } == [])
        #expect(try Self.diff { $0.indexes = [] } == [.dropIndex(table: "t", index: Self.base.indexes[0])])
    }

    @Test("table comment and SQLite's table options")
    func tableOptions() throws {
        #expect(try Self.diff { $0.comment = nil } == [.setTableComment(table: "t", from: "t", to: nil)])
        #expect(try Self.diff(.sqlite) { $0.sqlite = [.strict] } == [.setSQLiteTableOptions(table: "t", from: nil, to: [.strict])])
    }

    @Test("enum types: values added in place, removed or reordered by a rebuild; SQLite has none")
    func enumTypes() throws {
        func schema(_ values: [String]) -> Schema {
            Schema(tables: [Table(name: "t", columns: [Column("m", .enumeration("mood", values))])])
        }
        let differ = Differ(dialect: PostgresDialect())
        let added = try differ.diff(from: schema(["a", "c"]), to: schema(["a", "b", "c"]))
        #expect(added.first == .addEnumValue(type: "mood", value: "b", before: "c", after: nil))
        let removed = try differ.diff(from: schema(["a", "b"]), to: schema(["a"]))
        #expect(removed.first == .replaceEnumType(from: EnumType("mood", ["a", "b"]), to: EnumType("mood", ["a"])))
        #expect(try differ.diff(from: Schema(), to: Schema(enums: [EnumType("e", ["x"])])) == [.createEnumType(EnumType("e", ["x"]))])
        #expect(try Differ(dialect: SQLiteDialect()).diff(from: Schema(), to: Schema(enums: [EnumType("e", ["x"])])) == [])
    }

    @Test("sequences: created, altered when an option differs, dropped")
    func sequences() throws {
        let differ = Differ(dialect: PostgresDialect())
        let s = DatabaseSequence("s"), faster = DatabaseSequence("s", increment: 10)
        #expect(try differ.diff(from: Schema(), to: Schema(sequences: [s])) == [.createSequence(s)])
        #expect(try differ.diff(from: Schema(sequences: [s]), to: Schema(sequences: [faster])) == [.alterSequence(from: s, to: faster)])
        #expect(try differ.diff(from: Schema(sequences: [s]), to: Schema()) == [.dropSequence(s)])
    }
}
