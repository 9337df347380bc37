import Retort

/// Documents, conversations, fine-tuning jobs, embeddings and risk models.
let aiTrainingSchema = Schema {
    Table("documentos_ai", comment: "Documentos fuente para entrenamiento") {
        Column("id", .bigint).primaryKey(autoincrement: true)
        Column("titulo", .string(200))
        Column("contenido", .text)
        Column("fuente", .string(100), nullable: true)
        Column("creado_en", .timestamptz, default: .currentTimestamp)
    }
    Table("conversaciones_ai") {
        Column("id", .bigint).primaryKey(autoincrement: true)
        Column("usuario_id", .bigint).indexed()
        Column("titulo", .string(200), nullable: true)
        Column("mensajes", .json)
        Column("modelo", .string(80))
        Column("creado_en", .timestamptz, default: .currentTimestamp)
    }
    Table("fine_tuning_jobs") {
        Column("id", .uuid).primaryKey()
        Column("modelo_base", .string(80))
        Column("estado", .enumeration("estado_job", ["en_cola", "entrenando", "completado", "fallido"]), default: "en_cola")
        Column("hiperparametros", .json, nullable: true)
        Column("iniciado_en", .timestamptz, nullable: true)
        Column("terminado_en", .timestamptz, nullable: true)
        Check("ck_fine_tuning_jobs_fechas", "terminado_en IS NULL OR terminado_en >= iniciado_en")
    }
    Table("documento_ai_embeddings") {
        Column("id", .bigint).primaryKey(autoincrement: true)
        Column("documento_id", .bigint).references("documentos_ai", "id", onDelete: .cascade)
        Column("fragmento", .integer)
        Column("modelo", .string(80))
        Column("vector", .blob)
        Unique("documento_id", "fragmento", "modelo")
    }
    Table("modelos_riesgo") {
        Column("id", .bigint).primaryKey(autoincrement: true)
        Column("nombre", .string(120)).unique()
        Column("version", .integer, default: 1)
        Column("umbral", .decimal(5, 4))
        Column("activo", .boolean, default: true)
        Column("ultima_evaluacion", .timestamptz, nullable: true)
    }
    Table("modelos_impago_cuotas") {
        Column("id", .bigint).primaryKey(autoincrement: true)
        Column("modelo_riesgo_id", .bigint).references("modelos_riesgo", "id")
        Column("cuota_numero", .integer)
        Column("probabilidad", .decimal(5, 4))
        Column("evaluado_en", .timestamptz, default: .currentTimestamp)
        Index("modelo_riesgo_id", "cuota_numero", unique: true)
        Check("ck_modelos_impago_cuotas_probabilidad", "probabilidad BETWEEN 0 AND 1")
    }
}
