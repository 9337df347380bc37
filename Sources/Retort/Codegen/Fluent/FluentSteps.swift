/// One step of a generated Fluent migration: a call to Fluent's schema builder, which runs the same
/// on SQLite and PostgreSQL, or SQL per dialect for what the builder cannot express.
enum FluentStep: Equatable {
    /// Swift code that drives Fluent's schema builder (`db` and `dialect` in scope).
    case builder(String)
    /// The statements each dialect's renderer writes for the same operations.
    case sql(sqlite: [Statement], postgres: [Statement])
}

/// Turns operations into Fluent steps: the part of each operation Fluent's builder expresses on
/// both dialects exactly as Retort would write it goes to the builder; the rest (checks, indexes,
/// comments, enum types, column changes, SQLite rebuilds…) is rendered by both dialects' renderers
/// from the schema as it stands at that point, so it is the SQL `upgrade` would run.
struct FluentSteps {
    /// The schema before the next operation.
    private(set) var schema: Schema

    init(from schema: Schema) { self.schema = schema }

    mutating func steps(_ operations: [MigrationOperation]) throws -> [FluentStep] {
        var steps: [FluentStep] = []
        var pending: [MigrationOperation] = []
        var pendingFrom = schema
        func flush() throws {
            defer { pending = [] }
            guard !pending.isEmpty else { return }
            let sqlite = try SQLiteDialect().render(pending, from: pendingFrom)
            let postgres = try PostgresDialect().render(pending, from: pendingFrom)
            if let outside = (sqlite + postgres).first(where: { !$0.transactional }) {
                throw RevisionError("a Fluent migration runs in one transaction; '\(outside.sql)' cannot (write it by hand)")
            }
            if !sqlite.isEmpty || !postgres.isEmpty { steps.append(.sql(sqlite: sqlite, postgres: postgres)) }
        }
        func queue(_ op: MigrationOperation) throws {
            if pending.isEmpty { pendingFrom = schema }
            pending.append(op)
            try schema.apply(op)
        }
        for op in operations {
            if case .code = op { throw RevisionError("Swift steps cannot be written as Fluent migrations") }
            guard let split = FluentBuilderCode.split(op, in: schema) else {
                try queue(op)
                continue
            }
            try flush()
            steps += split.steps
            try schema.apply(split.applied)
            for rest in split.rest { try queue(rest) }
        }
        try flush()
        return steps
    }
}
