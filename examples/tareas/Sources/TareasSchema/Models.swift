import Retort

/// The task list's tables.
public let tareasSchema = Schema {
    Table("usuarios", comment: "Quién crea las tareas") {
        Column("id", .integer).primaryKey()
        Column("nombre", .string(100))
    }
    Table("tareas", comment: "Tareas pendientes y hechas") {
        Column("id", .integer).primaryKey(autoincrement: true)
        Column("nombre", .string(200)).indexed()
        Column("prioridad", .string(10), default: "media")
        Column("creado_en", .timestamp, default: .currentTimestamp)
        Column("actualizado_en", .timestamp, nullable: true)
        Column("descripcion", .string(500), nullable: true, comment: "Descripción larga de la tarea")
        Column("etiquetas", .json, nullable: true, comment: "Etiquetas libres, como lista JSON")
        Column("categoria", .string(50)).backfill("General")
        Column("estado", .enumeration("estado_tarea", ["pendiente", "hecha"]), default: "pendiente")
        Column("usuario_id", .integer).references("usuarios", "id").backfill(1)
        Check("ck_tareas_prioridad", "prioridad IN ('muy baja', 'baja', 'media', 'alta', 'urgente')")
        Index("prioridad", "creado_en", name: "ix_tareas_prioridad_creado_en")
    }
}
