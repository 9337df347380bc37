import Foundation
import Retort
import Testing

/// The corpus again, through the path users take: the `after` database read as the models,
/// `autogen` split into one revision per table (chained in dependency order) against the `before`
/// database, `upgrade head`, and nothing left to do. Revisions run one after another, so an
/// operation that one table's revision needs from another's (a key dropped before the key it
/// references is changed) must sit in the right revision.
@Suite("Convergence corpus: per-table autogen revisions apply in order")
struct CorpusAutogenTests {
    @Test("PostgreSQL: autogen per table, upgrade, no differences", arguments: Corpus.cases(.postgres))
    func postgres(_ name: String) throws {
        try converge(.postgres, name)
    }

    @Test("SQLite: autogen per table, upgrade, no differences", arguments: Corpus.cases(.sqlite))
    func sqlite(_ name: String) throws {
        try converge(.sqlite, name)
    }

    static func validated(_ schema: Schema) -> Schema {
        var s = schema
        for t in s.tables.indices {
            for i in s.tables[t].checks.indices { s.tables[t].checks[i].notValid = false }
            for i in s.tables[t].foreignKeys.indices { s.tables[t].foreignKeys[i].notValid = false }
        }
        return s
    }

    func converge(_ dialect: DialectName, _ name: String) throws {
        let isolation = Corpus.isolation(dialect, name)
        let from = try TestDatabase.make(dialect, isolation: isolation), to = try TestDatabase.make(dialect, isolation: isolation)
        let a = try from.connect(), b = try to.connect()
        defer { a.close(); b.close() }
        try a.executeScript(try Corpus.fixture(dialect, name, "before"))
        let before = try dialect.implementation.introspect(a)
        try b.executeScript(try Corpus.fixture(dialect, name, "after"))
        var models = try dialect.implementation.introspect(b)
        if let hints = Corpus.hints(dialect, name) { models = hints.apply(to: models) }
        let revisions = try Autogenerator(models: models, graph: try graph([])).revisions(message: name, db: a)
        do {
            try Migrator(graph: try graph(revisions), connection: a).upgrade(to: "head")
        } catch {
            Issue.record("\(name): \(revisions.count) revision(s) failed: \(error)")
            return
        }
        let left = try Autogenerator(models: models, graph: try graph(revisions)).differences(a)
        #expect(left == [], "\(name): left after \(revisions.count) revision(s): \(left)\n\(revisions.map { "\($0.id): \($0.upgrade)" })")
        // And back: the derived downgrades restore the `before` schema exactly.
        do {
            try Migrator(graph: try graph(revisions), connection: a).downgrade(to: "base")
        } catch {
            Issue.record("\(name): downgrade failed: \(error)")
            return
        }
        // A constraint the upgrade validated stays valid on the way down (nothing to undo: the rows are valid).
        let restored = try PlanPipeline(dialect: dialect.implementation).operations(
            from: Self.validated(try dialect.implementation.introspect(a)), to: Self.validated(before))
        #expect(restored == [], "\(name): after downgrade, differs from before.sql: \(restored)")
    }
}
