// completada (a boolean) becomes estado (pendiente / hecha), keeping every row's meaning
//
// Revision r20261123_210000_01, written by hand: a data migration. It is not transactional, so the
// rows are converted in batches that commit one by one while the app writes (a run stopped
// part-way resumes after the last batch), and an expectation checks that no row was left out
// before completada goes. The downgrade converts back the same way.
import Retort

enum r20261123_210000_01_completada_to_estado: Revision {
    static let id = "r20261123_210000_01"
    static let parents: [String] = ["r20261123_202050_sf0k_03"]
    static let message = "completada becomes estado"
    static let createdAt = "2026-11-23T21:00:00Z"
    static let transactional = false
    /// completada is dropped on purpose: its values live on in estado.
    static let allow: [LintCode] = ["RT102"]

    static let estado = Column("estado", .enumeration("estado_tarea", ["pendiente", "hecha"]), default: "pendiente")
    static let estadoLoose = Column("estado", .enumeration("estado_tarea", ["pendiente", "hecha"]), nullable: true, default: "pendiente")
    static let completada = Column("completada", .boolean, default: false)
    static let completadaLoose = Column("completada", .boolean, nullable: true, default: false)

    static let upgrade: [MigrationOperation] = [
        .addColumn(table: "tareas", column: estadoLoose),
        // Plain literals, so that PostgreSQL reads them as the enum type and SQLite as text.
        .batchedUpdate(BatchedUpdate("tareas", set: [ColumnAssignment("estado", "'hecha'")], where: "completada", batchSize: 10_000)),
        .batchedUpdate(BatchedUpdate("tareas", set: [ColumnAssignment("estado", "'pendiente'")], where: "NOT completada", batchSize: 10_000)),
        .expect(Expectation(
            noRows: "SELECT 1 FROM tareas WHERE estado IS NULL OR (estado = 'hecha') <> completada",
            message: "every tarea's estado must say what its completada said")),
        .alterColumn(table: "tareas", from: estadoLoose, to: estado),
        .dropColumn(table: "tareas", column: completada),
    ]

    static let downgrade: [MigrationOperation] = [
        .addColumn(table: "tareas", column: completadaLoose),
        .batchedUpdate(BatchedUpdate("tareas", set: [ColumnAssignment("completada", "estado = 'hecha'")], batchSize: 10_000)),
        .expect(Expectation(
            noRows: "SELECT 1 FROM tareas WHERE completada IS NULL OR (estado = 'hecha') <> completada",
            message: "every tarea's completada must say what its estado said")),
        .alterColumn(table: "tareas", from: completadaLoose, to: completada),
        .dropColumn(table: "tareas", column: estado),
    ]
}
