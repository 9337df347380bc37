import Foundation
import Retort
import Testing

/// Row-level security as the models declare it: switched on and forced, policies that hide other
/// tenants' rows from a role (checked as that role), changed in place and around a column type
/// change, reverted; drift in any of it reported; a role the server does not have refused before
/// anything runs; left out on SQLite with a note.
@Suite("Row-level security: policies created, enforced, changed, kept through column changes, drift reported")
struct PolicyTests {
    static let role = "retort_policy_reader"

    static func models(tenantType: ColumnType = .integer, using: String = "tenant_id = current_setting('app.tenant')::integer", forced: Bool = true) -> Schema {
        Schema {
            Table("documents") {
                Column("id", .integer).primaryKey()
                Column("tenant_id", tenantType)
                Column("body", .text, nullable: true)
                RowLevelSecurity(forced: forced)
                Policy("tenant_isolation", using: using, withCheck: "tenant_id > 0", comment: "one tenant per session")
                Policy("no_delete", for: .delete, permissive: false, using: "false")
            }
        }
    }

    /// The ids the role sees with `app.tenant` set to `tenant`.
    static func visible(_ db: any DatabaseConnection, tenant: Int) throws -> [String] {
        try db.executeScript("BEGIN; SET LOCAL ROLE \(role); SELECT set_config('app.tenant', '\(tenant)', true)")
        defer { try? db.executeScript("ROLLBACK") }
        return try db.query("SELECT id::text FROM documents ORDER BY id", []).map { $0[0].string ?? "" }
    }

    @Test("PostgreSQL: a role sees only its tenant's rows; the policy changed and kept through a column type change; reverted")
    func enforced() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("DO $$ BEGIN CREATE ROLE \(Self.role); EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        let steps = ModelSteps(db)
        try steps.apply(Self.models())
        try db.executeScript("GRANT SELECT, DELETE ON documents TO \(Self.role); INSERT INTO documents VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 1, 'c')")
        #expect(try Self.visible(db, tenant: 1) == ["1", "3"])
        // The column the policy reads changes type: the policy goes and comes back.
        try steps.apply(Self.models(tenantType: .bigint))
        #expect(try Self.visible(db, tenant: 2) == ["2"])
        try steps.apply(Self.models(tenantType: .bigint, using: "tenant_id = current_setting('app.tenant')::integer OR tenant_id = 2"))
        #expect(try Self.visible(db, tenant: 1) == ["1", "2", "3"])
        try steps.revertToFirst()
        #expect(try Self.visible(db, tenant: 1) == ["1", "3"])
    }

    @Test("PostgreSQL: a policy dropped or changed by hand and RLS switched off are drift; a policy in other words is not")
    func drift() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let models = Self.models()
        let steps = ModelSteps(db)
        try steps.apply(models)
        let generator = try Autogenerator(models: models, graph: RevisionGraph(steps.revisions))
        try db.executeScript("ALTER POLICY tenant_isolation ON documents USING ((tenant_id)::text = current_setting('app.tenant'))")
        #expect(try generator.differences(db).map(\.summary) == ["replace policy documents.tenant_isolation"])
        try db.executeScript("ALTER POLICY tenant_isolation ON documents USING (current_setting('app.tenant')::int4 = tenant_id OR false)")
        #expect(try generator.differences(db).map(\.summary) == ["replace policy documents.tenant_isolation"])
        try db.executeScript("ALTER POLICY tenant_isolation ON documents USING ((tenant_id = (current_setting('app.tenant'))::integer))")
        #expect(try generator.differences(db).isEmpty)
        try db.executeScript("DROP POLICY no_delete ON documents; ALTER TABLE documents NO FORCE ROW LEVEL SECURITY")
        #expect(try generator.differences(db).map(\.summary).sorted()
                == ["create policy documents.no_delete", "enable row level security on documents, forced"])
        try db.executeScript("ALTER TABLE documents DISABLE ROW LEVEL SECURITY; CREATE POLICY no_delete ON documents AS RESTRICTIVE FOR DELETE USING (false)")
        #expect(try generator.differences(db).map(\.summary) == ["enable row level security on documents, forced"])
    }

    @Test("PostgreSQL: a policy naming a role the server does not have is a model error before anything runs")
    func unknownRole() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let models = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Policy("readers", for: .select, to: ["no_such_role_retort"], using: "true")
            }
        }
        let error = #expect(throws: ModelError.self) { try Autogenerator(models: models, graph: RevisionGraph([])).differences(db) }
        #expect(error?.description.contains("role \"no_such_role_retort\" does not exist") == true, "\(String(describing: error))")
        #expect(try test.values("SELECT count(*) FROM pg_class WHERE relname = 't' AND relnamespace = current_schema()::regnamespace") == [["0"]])
    }

    @Test("SQLite: row-level security and policies are left out with a note; the same revision runs there")
    func sqlite() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        let revision = try steps.apply(Self.models())
        #expect(revision.upgrade.postgresOnlyDetails.contains("table documents has row-level security on PostgreSQL; SQLite has none"))
        #expect(revision.upgrade.postgresOnlyDetails.contains("policy tenant_isolation on documents is not created on SQLite, which has no row-level security"))
    }
}
