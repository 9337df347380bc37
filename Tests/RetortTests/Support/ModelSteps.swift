import Foundation
import Retort
import Testing

/// A database taken through a series of models the way a user does: for each, `autogen` (one
/// revision, numbered r1, r2, …), `upgrade head`, and no difference left; then back, one
/// revision at a time, each time to a schema the earlier models describe exactly.
final class ModelSteps {
    let db: any DatabaseConnection
    private(set) var revisions: [RevisionInfo] = []
    private var models: [Schema] = []

    init(_ db: any DatabaseConnection) { self.db = db }

    /// Autogenerates and applies the revision to `next`; returns it.
    @discardableResult
    func apply(_ next: Schema, sourceLocation: SourceLocation = #_sourceLocation) throws -> RevisionInfo {
        var rev = try #require(
            try Autogenerator(models: next, graph: try graph(revisions)).revisions(
                message: "step \(revisions.count + 1)", db: db, single: true
            ).first, sourceLocation: sourceLocation)
        rev.id = "r\(revisions.count + 1)"
        revisions.append(rev)
        models.append(next)
        try Migrator(graph: try graph(revisions), connection: db).upgrade(to: "head")
        #expect(try Autogenerator(models: next, graph: try graph(revisions)).differences(db) == [], "step \(revisions.count)",
                sourceLocation: sourceLocation)
        return rev
    }

    /// Reverts every revision but the first, one at a time, checking the models before each;
    /// `after` runs after each step back.
    func revertToFirst(sourceLocation: SourceLocation = #_sourceLocation, after: () throws -> Void = {}) throws {
        let migrator = Migrator(graph: try graph(revisions), connection: db)
        for i in stride(from: revisions.count - 1, to: 0, by: -1) {
            try migrator.downgrade(to: "-1")
            #expect(try Autogenerator(models: models[i - 1], graph: try graph(Array(revisions[..<i]))).differences(db) == [],
                    "after reverting step \(i + 1)", sourceLocation: sourceLocation)
            try after()
        }
    }
}
