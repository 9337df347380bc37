import Foundation
import Retort
import Testing

/// Type changes never alter data silently, NULLs are filled only on request, revisions generated
/// on one dialect run on the other, and hand-written steps reverse where the header says.
@Suite("Data safety and portability")
struct DataSafetyTests {
    /// Applies `before`, inserts rows, then autogenerates and applies the change to `after`.
    static func migrate(_ db: any DatabaseConnection, _ before: Table, rows: String, to after: Table) throws -> Migrator {
        let r1 = try revision("r1", [.createTable(Schema(tables: [before]).named().tables[0])])
        try Migrator(graph: try graph([r1]), connection: db).upgrade(to: "head")
        try db.executeScript(rows)
        let ops = try Autogenerator(models: Schema(tables: [after]), graph: try graph([r1])).differences(db)
        let r2 = try revision("r2", parents: ["r1"], ops)
        return Migrator(graph: try graph([r1, r2]), connection: db)
    }

    @Test("a narrowing type change that would alter a value fails naming table, column and rows; one that fits runs",
          arguments: allDialects)
    func lossyTypeChange(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let before = Table("t") {
            Column("id", .integer).primaryKey()
            Column("nombre", .string(200))
            Column("precio", .decimal(10, 2))
            Column("codigo", .text)
        }
        var after = before
        if dialect == .postgres {
            after.columns[1] = Column("nombre", .string(10))
            after.columns[2] = Column("precio", .decimal(10, 1))
        } else {
            after.columns[3] = Column("codigo", .integer)  // INTEGER affinity: '007' would become 7
        }
        let migrator = try Self.migrate(
            db, before, rows: "INSERT INTO t VALUES (1, 'corto', 1.50, '12'), (2, 'un nombre demasiado largo', 2.25, '007')", to: after)
        let error = try #require(throws: MigrationError.self) { try migrator.upgrade(to: "head") }
        let column = dialect == .postgres ? "t.nombre" : "t.codigo"
        #expect(error.reason.contains("cannot change \(column)"), "\(error)")
        #expect(error.reason.contains("1 row(s) would change"), "\(error)")
        #expect(try migrator.heads() == ["r1"])
        #expect(try db.query("SELECT nombre, codigo FROM t WHERE id = 2").first == ["un nombre demasiado largo", "007"])

        // Once the offending row is fixed by hand, the same revision runs (and on PostgreSQL the
        // decimal still fails until its value fits one digit).
        try db.execute("UPDATE t SET nombre = 'largo', codigo = '7' WHERE id = 2")
        if dialect == .postgres {
            let second = try #require(throws: MigrationError.self) { try migrator.upgrade(to: "head") }
            #expect(second.reason.contains("cannot change t.precio"), "\(second)")
            try db.execute("UPDATE t SET precio = 2.5 WHERE id = 2")
        }
        try migrator.upgrade(to: "head")
        #expect(try migrator.heads() == ["r2"])
        #expect(try db.query("SELECT count(*) FROM t").first?.first?.int == 2)
    }

    @Test("PostgreSQL: double to integer and zoned timestamps convert exactly or not at all")
    func postgresConversions() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let before = Table("m") {
            Column("id", .integer).primaryKey()
            Column("v", .double)
            Column("en", .timestamptz)
        }
        var after = before
        after.columns[1] = Column("v", .integer)
        after.columns[2] = Column("en", .timestamp)
        try db.execute("SET TIME ZONE 'America/Mexico_City'")
        let migrator = try Self.migrate(
            db, before, rows: "INSERT INTO m VALUES (1, 3.0, '2026-01-01 12:00:00+00'), (2, 3.5, '2026-06-01 00:00:00+00')", to: after)
        #expect(throws: MigrationError.self) { try migrator.upgrade(to: "head") }
        try db.execute("UPDATE m SET v = 4 WHERE id = 2")
        try migrator.upgrade(to: "head")
        // Converted through UTC, whatever the session's time zone.
        #expect(try db.query("SELECT en::text FROM m ORDER BY id").map { $0[0].string } == ["2026-01-01 12:00:00", "2026-06-01 00:00:00"])
        try migrator.downgrade(to: "-1")
        #expect(try db.query("SELECT (en AT TIME ZONE 'UTC')::text FROM m ORDER BY id").map { $0[0].string }
            == ["2026-01-01 12:00:00", "2026-06-01 00:00:00"])
    }

    @Test("NOT NULL over NULL rows fills them only with the model's .backfill value, written into the revision",
          arguments: allDialects)
    func backfillOnlyWhenAsked(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let before = Table("p") {
            Column("id", .integer).primaryKey()
            Column("categoria", .string(50), nullable: true)
        }
        let plain = Table("p") {
            Column("id", .integer).primaryKey()
            Column("categoria", .string(50), default: "Otra")
        }
        let asked = Table("p") {
            Column("id", .integer).primaryKey()
            Column("categoria", .string(50), default: "Otra").backfill("General")
        }
        let migrator = try Self.migrate(db, before, rows: "INSERT INTO p VALUES (1, NULL), (2, 'Libros')", to: plain)
        #expect(throws: MigrationError.self) { try migrator.upgrade(to: "head") }
        #expect(try db.query("SELECT count(*) FROM p WHERE categoria IS NULL").first?.first?.int == 1)

        let ops = try Autogenerator(models: Schema(tables: [asked]), graph: migrator.graph).differences(db)
        #expect(ops.first == .backfill(table: "p", column: "categoria", value: .string("General")))
        let writer = try RevisionWriter(directory: URL(fileURLWithPath: "/nonexistent"), projectRoot: nil)
        let text = try writer.render(try revision("r3", ops))
        #expect(text.contains(".backfill(table: \"p\", column: \"categoria\", value: .string(\"General\"))"))
        let r3 = try revision("r3", parents: ["r1"], ops)
        let filled = Migrator(graph: try graph([migrator.graph["r1"], r3]), connection: db)
        try filled.upgrade(to: "head")
        #expect(try db.query("SELECT categoria FROM p ORDER BY id").map { $0[0].string } == ["General", "Libros"])
        try filled.downgrade(to: "-1")
        #expect(try db.query("SELECT count(*) FROM p").first?.first?.int == 2)
    }

    /// Every portable type, with a default and without.
    static var portable: Table {
        Table("todos") {
            Column("id", .integer).primaryKey()
            Column("a_smallint", .smallint, default: 1)
            Column("a_integer", .integer, default: -2)
            Column("a_bigint", .bigint, default: 3)
            Column("a_text", .text, default: "it's")
            Column("a_string", .string(20), default: "x")
            Column("a_boolean", .boolean, default: false)
            Column("a_boolean_true", .boolean, default: true)
            Column("a_real", .real, default: 1.5)
            Column("a_double", .double, default: 2.25)
            Column("a_decimal", .decimal(8, 2), default: 0)
            Column("a_date", .date, default: .currentDate)
            Column("a_timestamp", .timestamp, default: .currentTimestamp)
            Column("a_timestamptz", .timestamptz, default: .currentTimestamp)
            Column("a_uuid", .uuid, nullable: true)
            Column("a_json", .json, default: "{}")
            Column("a_blob", .blob, nullable: true)
            Column("n_smallint", .smallint, nullable: true)
            Column("n_boolean", .boolean, nullable: true)
            Column("n_text", .text, nullable: true)
            Column("n_timestamp", .timestamp, nullable: true)
            Column("n_decimal", .decimal(8, 2), nullable: true)
        }
    }

    @Test("a revision autogenerated on one dialect upgrades and downgrades on the other, for every portable type",
          arguments: [(DialectName.sqlite, DialectName.postgres), (.postgres, .sqlite)])
    func crossDialect(from source: DialectName, to target: DialectName) throws {
        let full = Schema(tables: [Self.portable]).named().tables[0]
        let create = try revision("r1", [.createTable(full)])
        // On the source dialect: the table exists, the models drop every column but the key, so the
        // revision carries each column as the source database reports it.
        let a = try TestDatabase.make(source)
        let dbA = try a.connect()
        defer { dbA.close() }
        try Migrator(graph: try graph([create]), connection: dbA).upgrade(to: "head")
        let slim = Schema { Table("todos") { Column("id", .integer).primaryKey() } }
        let generated = try #require(
            try Autogenerator(models: slim, graph: try graph([create])).revisions(message: "slim", db: dbA, single: true).first)
        #expect(generated.upgrade.count == full.columns.count - 1)
        var dropColumns = generated
        dropColumns.id = "r2"
        dropColumns.parents = ["r1"]
        // On the target dialect: the same revision applies and reverts.
        let b = try TestDatabase.make(target)
        let dbB = try b.connect()
        defer { dbB.close() }
        let migrator = Migrator(graph: try graph([create, dropColumns]), connection: dbB)
        try migrator.upgrade(to: "head")
        try migrator.downgrade(to: "r1")
        try dbB.execute("INSERT INTO todos (id) VALUES (1)")
        let left = try Autogenerator(models: Schema(tables: [full]), graph: migrator.graph).differences(dbB)
        #expect(left == [], "\(left.map(\.summary))")
    }

    @Test("a column replaced in one table: the add comes before the drop, and the downgrade mirrors it")
    func addBeforeDrop() throws {
        let before = Schema { Table("t") { Column("id", .integer).primaryKey(); Column("completada", .boolean) } }
        let after = Schema { Table("t") { Column("id", .integer).primaryKey(); Column("estado", .text, nullable: true) } }
        let ops = try PlanPipeline(dialect: SQLiteDialect()).operations(from: before.named(), to: after.named())
        #expect(ops.map(\.summary) == ["add column t.estado text NULL", "drop column t.completada"])
        var upgrade = ops
        let data = MigrationOperation.execute(
            RawSQL("UPDATE t SET estado = CASE WHEN completada THEN 'hecha' ELSE 'pendiente' END",
                   reverse: RawSQL("UPDATE t SET completada = (estado = 'hecha')")))
        upgrade.insert(data, at: 1)
        let r = RevisionInfo(id: "r", parents: [], message: "m", createdAt: "", upgrade: upgrade)
        #expect(r.downgrade.map(\.summary) == [
            "add column t.completada boolean NOT NULL", "execute SQL: UPDATE t SET completada = (estado = 'hecha')", "drop column t.estado",
        ])
    }

    /// A revision as a user edits it: a reverse-carrying data step added to the generated upgrade.
    enum EditedRevision: Revision {
        static let id = "r_edited"
        static let parents: [String] = ["r1"]
        static let message = "prioridad as text"
        static let createdAt = "2026-01-01T00:00:00Z"
        static let upgrade: [MigrationOperation] = [
            .addColumn(table: "t", column: Column("prioridad_txt", .text, nullable: true)),
            .execute(RawSQL("UPDATE t SET prioridad_txt = CAST(prioridad AS TEXT)", reverse: RawSQL("UPDATE t SET prioridad = CAST(prioridad_txt AS INTEGER)"))),
            .dropColumn(table: "t", column: Column("prioridad", .integer, nullable: true)),
        ]
    }

    /// The same edit, with a downgrade written by hand: it wins, visibly.
    enum EditedWithDowngrade: Revision {
        static let id = "r_edited"
        static let parents: [String] = ["r1"]
        static let message = "prioridad as text"
        static let createdAt = "2026-01-01T00:00:00Z"
        static let upgrade = EditedRevision.upgrade
        static let downgrade: [MigrationOperation] = [
            .addColumn(table: "t", column: Column("prioridad", .integer, nullable: true)),
            .dropColumn(table: "t", column: Column("prioridad_txt", .text, nullable: true)),
        ]
    }

    @Test("RawSQL(…, reverse:) in a hand-edited upgrade runs at the mirrored place of the downgrade", arguments: allDialects)
    func reverseRuns(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let r1 = try revision("r1", [.createTable(Table("t") { Column("id", .integer).primaryKey(); Column("prioridad", .integer, nullable: true) })])
        let migrator = Migrator(graph: try graph([r1, RevisionInfo(EditedRevision.self)]), connection: db)
        try migrator.upgrade(to: "r1")
        try db.execute("INSERT INTO t VALUES (1, 3), (2, 5)")
        try migrator.upgrade(to: "head")
        #expect(try db.query("SELECT prioridad_txt FROM t ORDER BY id").map { $0[0].string } == ["3", "5"])
        try migrator.downgrade(to: "r1")
        #expect(try db.query("SELECT prioridad FROM t ORDER BY id").map { $0[0].int } == [3, 5])

        let edited = RevisionInfo(EditedRevision.self), declared = RevisionInfo(EditedWithDowngrade.self)
        #expect(edited.downgradeIsDerived && edited.unusedReverses.isEmpty)
        #expect(!declared.downgradeIsDerived && declared.unusedReverses.count == 1)
    }

    @Test("revision ids made in the same second never collide")
    func uniqueIDs() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        var seen = Set<String>()
        // 5,000 random 4-character tokens would repeat about 7 times; a process never repeats one.
        for _ in 0..<5_000 { seen.insert(RevisionID.fresh(date: date, avoiding: [])[0]) }
        #expect(seen.count == 5_000)
        let taken = Set(RevisionID.fresh(date: date, count: 3, avoiding: []))
        #expect(taken.isDisjoint(with: RevisionID.fresh(date: date, count: 3, avoiding: taken)))
    }

    @Test("--sql prints everything around a Swift step, marking where it runs")
    func offlineWithCode() throws {
        let t = Table("t") { Column("id", .integer).primaryKey() }
        let r1 = try revision("r1", [.createTable(t)])
        let r2 = RevisionInfo(
            id: "r2", parents: ["r1"], message: "data", createdAt: "",
            upgrade: [.code(CustomCode("fill") { _ in }), .addColumn(table: "t", column: Column("x", .integer, nullable: true))])
        let script = try OfflineSQL(graph: try graph([r1, r2]), dialect: SQLiteDialect()).upgrade("head")
        #expect(script.swiftSteps == ["r2: fill"])
        #expect(script.text.contains("-- Swift step 'fill' of revision r2 runs here"))
        #expect(script.text.contains("ALTER TABLE \"t\" ADD COLUMN \"x\" INTEGER"))
        #expect(script.text.contains("CREATE TABLE \"t\""))
        // The derived downgrade of a step with no reverse fails when it runs, naming the step.
        let down = try OfflineSQL(graph: try graph([r1, r2]), dialect: SQLiteDialect()).downgrade("head:r1")
        #expect(down.swiftSteps == ["r2: irreversible: run Swift code 'fill'"])
    }
}
