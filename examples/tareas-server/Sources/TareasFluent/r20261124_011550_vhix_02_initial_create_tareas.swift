// initial: create tareas
//
// Fluent migration r20261124_011550_vhix_02, written by Retort (`autogen --emit fluent`) on 2026-11-24T01:15:50Z.
// `prepare` uses Fluent's schema builder where it writes what Retort would on SQLite and
// PostgreSQL, and each dialect's SQL where it cannot; `revert` undoes it. Edit with care:
// `check --exclude-table _fluent_migrations` compares the result with the models.
import FluentKit
import FluentSQL

public struct r20261124_011550_vhix_02_initial_create_tareas: AsyncMigration {
    public init() {}

    public var name: String { "r20261124_011550_vhix_02_initial_create_tareas" }

    public func prepare(on database: any Database) async throws {
        try await database.retortChange { db, dialect in
            try await db.retortRun(
                dialect,
                sqlite: [],
                postgres: [
                    .sql("CREATE TYPE \"estado_tarea\" AS ENUM ('pendiente', 'hecha')"),
                ])
            try await db.schema("tareas")
                .retortAutoincrementKey("id", .int32, name: "pk_tareas", on: dialect)
                .field("nombre", .sql(unsafeRaw: "VARCHAR(200)"), .required)
                .field("prioridad", .sql(unsafeRaw: "VARCHAR(10)"), .required, .sql(.default("media")))
                .field("creado_en", .sql(unsafeRaw: "TIMESTAMP"), .required, .sql(.default(SQLRaw("CURRENT_TIMESTAMP"))))
                .field("actualizado_en", .sql(unsafeRaw: "TIMESTAMP"))
                .field("descripcion", .sql(unsafeRaw: "VARCHAR(500)"))
                .field("etiquetas", .dictionary)
                .field("categoria", .sql(unsafeRaw: "VARCHAR(50)"), .required)
                .field("estado", .retortEnum("estado_tarea", on: dialect), .required, .sql(.default("pendiente")))
                .field("usuario_id", .int32, .required)
                .foreignKey(["usuario_id"], references: "usuarios", ["id"], onDelete: .noAction, onUpdate: .noAction, name: "fk_tareas_usuario_id_usuarios")
                .retortCheck("prioridad IN ('muy baja', 'baja', 'media', 'alta', 'urgente')", name: "ck_tareas_prioridad")
                .create()
            try await db.retortRun(
                dialect,
                sqlite: [
                    .sql("CREATE INDEX \"ix_tareas_nombre\" ON \"tareas\" (\"nombre\")"),
                    .sql("CREATE INDEX \"ix_tareas_prioridad_creado_en\" ON \"tareas\" (\"prioridad\", \"creado_en\")"),
                ],
                postgres: [
                    .sql("COMMENT ON TABLE \"tareas\" IS 'Tareas pendientes y hechas'"),
                    .sql("COMMENT ON COLUMN \"tareas\".\"descripcion\" IS 'Descripción larga de la tarea'"),
                    .sql("COMMENT ON COLUMN \"tareas\".\"etiquetas\" IS 'Etiquetas libres, como lista JSON'"),
                    .sql("CREATE INDEX \"ix_tareas_nombre\" ON \"tareas\" (\"nombre\")"),
                    .sql("CREATE INDEX \"ix_tareas_prioridad_creado_en\" ON \"tareas\" (\"prioridad\", \"creado_en\")"),
                ])
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.retortChange { db, dialect in
            try await db.schema("tareas").delete()
            try await db.retortRun(
                dialect,
                sqlite: [],
                postgres: [
                    .sql("DROP TYPE \"estado_tarea\""),
                ])
        }
    }
}
