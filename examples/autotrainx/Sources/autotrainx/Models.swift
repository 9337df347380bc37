import Retort

// First written by `retort reflect --url sqlite:///legacy.db`, then adjusted: the types say what
// the legacy columns always meant (JSON, instants, booleans), which `transfer` converts to.

/// The training tracker's tables.
let autotrainxSchema = Schema {
    // PostgreSQL keeps the statuses in one spelling, and lets the reporting role see finished runs only.
    Function(
        "executions_status_lower", returns: "trigger", language: "plpgsql",
        body: "BEGIN NEW.status := lower(NEW.status); RETURN NEW; END")
    Table("variations", comment: "One set of hyperparameters") {
        Column("id", .bigint).primaryKey(autoincrement: true)
        Column("name", .text)
        Column("parameters", .json, nullable: true)
        Column("created_at", .timestamptz, nullable: true, default: .currentTimestamp)
    }
    Table("executions", comment: "One training run of a variation") {
        Column("job_id", .string(8)).primaryKey()
        Column("variation_id", .bigint, nullable: true).references("variations", "id")
        Column("status", .text, default: "pending")
        Column("started_at", .timestamptz, nullable: true)
        Column("finished_at", .timestamptz, nullable: true)
        Column("duration", .double, nullable: true, comment: "Seconds")
        Column("success", .boolean, nullable: true)
        Column("epochs", .integer, nullable: true)
        Column("metrics", .json, nullable: true)
        Column("notes", .text, nullable: true)
        Index("variation_id", name: "ix_executions_variation")
        Trigger("executions_status_lower", .before, [.insert, .update], function: "executions_status_lower")
        RowLevelSecurity.forced
        Policy("executions_all", using: "true")
        Policy("executions_reporting", for: .select, permissive: false, using: "status <> 'hidden'")
    }
}
