// index tareas by prioridad and creado_en, built without blocking writes
//
// Revision r20261123_120000_01. The table already holds rows and the app writes to it while this
// runs, so the index is built with CREATE INDEX CONCURRENTLY (a plain CREATE INDEX on SQLite).
// That cannot run inside a transaction: the revision is not transactional, and a run killed
// part-way resumes (an INVALID index left by the kill is dropped and built again).
import Retort

enum r20261123_120000_01_index_prioridad_creado_en: Revision {
    static let id = "r20261123_120000_01"
    static let parents: [String] = ["r20261122_153626_01"]
    static let message = "index tareas by prioridad and creado_en, concurrently"
    static let createdAt = "2026-11-23T12:00:00Z"
    static let transactional = false

    static let upgrade: [MigrationOperation] = [
        .createIndexConcurrently(table: "tareas", index: Index(["prioridad", "creado_en"], name: "ix_tareas_prioridad_creado_en")),
    ]
}
