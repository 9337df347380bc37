// initial: create usuarios
//
// Fluent migration r20261124_011550_vhix_01, written by Retort (`autogen --emit fluent`) on 2026-11-24T01:15:50Z.
// `prepare` uses Fluent's schema builder where it writes what Retort would on SQLite and
// PostgreSQL, and each dialect's SQL where it cannot; `revert` undoes it. Edit with care:
// `check --exclude-table _fluent_migrations` compares the result with the models.
import FluentKit
import FluentSQL

public struct r20261124_011550_vhix_01_initial_create_usuarios: AsyncMigration {
    public init() {}

    public var name: String { "r20261124_011550_vhix_01_initial_create_usuarios" }

    public func prepare(on database: any Database) async throws {
        try await database.retortChange { db, dialect in
            try await db.schema("usuarios")
                .field("id", .int32, .required)
                .field("nombre", .sql(unsafeRaw: "VARCHAR(100)"), .required)
                .retortPrimaryKey("id", name: "pk_usuarios")
                .create()
            try await db.retortRun(
                dialect,
                sqlite: [],
                postgres: [
                    .sql("COMMENT ON TABLE \"usuarios\" IS 'Quién crea las tareas'"),
                ])
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.retortChange { db, dialect in
            try await db.schema("usuarios").delete()
        }
    }
}
