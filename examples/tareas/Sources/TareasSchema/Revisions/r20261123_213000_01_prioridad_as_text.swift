// prioridad (1 to 5) becomes text (muy baja … urgente), keeping every row's meaning
//
// Revision r20261123_213000_01, written by hand: a data migration. The new values are written in
// batches into a new column while the app runs, an expectation checks that none is missing, then
// the old column goes and the new one takes its name, check and index (the index built
// concurrently). The downgrade converts back the same way.
import Retort

enum r20261123_213000_01_prioridad_as_text: Revision {
    static let id = "r20261123_213000_01"
    static let parents: [String] = ["r20261123_204039_jq2m_04"]
    static let message = "prioridad becomes text"
    static let createdAt = "2026-11-23T21:30:00Z"
    static let transactional = false
    /// The integer prioridad is dropped on purpose: its values live on as text.
    static let allow: [LintCode] = ["RT102"]

    static let index = Index(["prioridad", "creado_en"], name: "ix_tareas_prioridad_creado_en")
    static let numbers = Column("prioridad", .smallint, default: 3)
    static let words = Column("prioridad", .string(10), default: "media")
    static let numberCheck = CheckConstraint("ck_tareas_prioridad", "prioridad BETWEEN 1 AND 5")
    static let wordCheck = CheckConstraint("ck_tareas_prioridad", "prioridad IN ('muy baja', 'baja', 'media', 'alta', 'urgente')")

    /// The steps that put `column` in place of prioridad: filled from the old one, checked, renamed,
    /// its check added NOT VALID then validated, the index built again concurrently.
    static func replace(
        with column: Column, from old: Column, conversion: String, oldCheck: CheckConstraint, newCheck: CheckConstraint
    ) -> [MigrationOperation] {
        var loose = column
        loose.name = "prioridad_nueva"
        loose.nullable = true
        loose.defaultValue = nil
        var renamed = loose
        renamed.name = "prioridad"
        var check = newCheck
        check.notValid = true
        return [
            .addColumn(table: "tareas", column: loose),
            .batchedUpdate(BatchedUpdate("tareas", set: [ColumnAssignment("prioridad_nueva", conversion)], batchSize: 10_000)),
            .expect(Expectation(
                noRows: "SELECT 1 FROM tareas WHERE prioridad_nueva IS NULL",
                message: "every tarea's prioridad must convert: a value outside the known ones stopped the revision")),
            .dropIndexConcurrently(table: "tareas", index: index),
            .dropConstraint(table: "tareas", constraint: .check(oldCheck)),
            .dropColumn(table: "tareas", column: old),
            .renameColumn(table: "tareas", from: "prioridad_nueva", to: "prioridad"),
            .alterColumn(table: "tareas", from: renamed, to: column),
            .addConstraint(table: "tareas", constraint: .check(check)),
            .validateConstraint(table: "tareas", name: "ck_tareas_prioridad"),
            .createIndexConcurrently(table: "tareas", index: index),
        ]
    }

    static let upgrade = replace(
        with: words, from: numbers,
        conversion: "CASE prioridad WHEN 1 THEN 'muy baja' WHEN 2 THEN 'baja' WHEN 3 THEN 'media' WHEN 4 THEN 'alta' WHEN 5 THEN 'urgente' END",
        oldCheck: numberCheck, newCheck: wordCheck)

    static let downgrade = replace(
        with: numbers, from: words,
        conversion: "CASE prioridad WHEN 'muy baja' THEN 1 WHEN 'baja' THEN 2 WHEN 'media' THEN 3 WHEN 'alta' THEN 4 WHEN 'urgente' THEN 5 END",
        oldCheck: wordCheck, newCheck: numberCheck)
}
