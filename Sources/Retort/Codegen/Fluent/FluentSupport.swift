/// The support file `autogen --emit fluent` writes beside the migrations (and rewrites on each run):
/// how a migration finds its dialect, runs in one transaction on one connection, runs SQL per
/// dialect and names primary keys as Retort does. Its SQLite steps are the dialect's own
/// (foreign keys off around a rebuild, checked before commit), not a second copy of them.
enum FluentSupport {
    static let fileName = "RetortFluentSupport.swift"

    static var text: String {
        let sqlite = SQLiteDialect()
        let before = SwiftLiteral.strings(sqlite.beforeTransaction)
        let after = SwiftLiteral.strings(sqlite.afterTransaction)
        return #"""
            // Written by Retort (`autogen --emit fluent`) and rewritten on each run: what the migrations
            // in this folder use. Edit the migrations, not this file.
            import FluentKit
            import FluentSQL

            /// The dialects Retort's Fluent migrations run on.
            public enum RetortDialect: Sendable {
                case sqlite, postgres
            }

            /// A statement of a Retort Fluent migration: SQL, or a count query that stops the migration
            /// with its message when it counts rows.
            public enum RetortStatement: Sendable {
                case sql(String)
                case check(String, failing: String, rows: String)
            }

            /// Why a Retort Fluent migration stopped.
            public struct RetortMigrationError: Error, CustomStringConvertible {
                public let description: String
            }

            extension Database {
                /// Runs one migration's steps on one connection, in one transaction. On SQLite foreign
                /// keys are off while it runs (a table rebuild drops and renames tables) and every key
                /// is checked before it commits.
                public func retortChange(_ body: @escaping @Sendable (any Database, RetortDialect) async throws -> Void) async throws {
                    guard let sql = self as? any SQLDatabase else {
                        throw RetortMigrationError(description: "Retort's Fluent migrations need an SQL database")
                    }
                    let dialect: RetortDialect
                    switch sql.dialect.name {
                    case "sqlite": dialect = .sqlite
                    case "postgresql": dialect = .postgres
                    default: throw RetortMigrationError(description: "Retort's Fluent migrations run on SQLite and PostgreSQL, not \(sql.dialect.name)")
                    }
                    try await self.withConnection { connection in
                        let sql = connection as! any SQLDatabase
                        let (before, after): ([String], [String]) = dialect == .sqlite ? (\#(before), \#(after)) : ([], [])
                        for statement in before { try await sql.raw(SQLQueryString(statement)).run() }
                        do {
                            try await connection.transaction { transaction in
                                try await body(transaction, dialect)
                                if dialect == .sqlite {
                                    let broken = try await (transaction as! any SQLDatabase).raw("PRAGMA foreign_key_check").all()
                                    if !broken.isEmpty {
                                        throw RetortMigrationError(description: "foreign key check failed: \(broken.count) row(s) reference missing rows")
                                    }
                                }
                            }
                        } catch {
                            for statement in after { try? await sql.raw(SQLQueryString(statement)).run() }
                            throw error
                        }
                        for statement in after { try await sql.raw(SQLQueryString(statement)).run() }
                    }
                }

                /// Runs the dialect's statements in order; a check that counts rows stops the migration.
                public func retortRun(_ dialect: RetortDialect, sqlite: [RetortStatement], postgres: [RetortStatement]) async throws {
                    guard let sql = self as? any SQLDatabase else {
                        throw RetortMigrationError(description: "Retort's Fluent migrations need an SQL database")
                    }
                    for statement in dialect == .sqlite ? sqlite : postgres {
                        switch statement {
                        case .sql(let text):
                            try await sql.raw(SQLQueryString(text)).run()
                        case .check(let query, let message, let rows):
                            let row = try await sql.raw(SQLQueryString(query)).first()
                            let count = try row.flatMap { row in try row.allColumns.first.map { try row.decode(column: $0, as: Int.self) } } ?? 0
                            if count > 0 { throw RetortMigrationError(description: "\(message): \(count) row(s) \(rows)") }
                        }
                    }
                }
            }

            extension DatabaseSchema.DataType {
                /// An enum type as Retort writes it: the type (created beside the table) on PostgreSQL,
                /// TEXT on SQLite. Fluent's own enum builder would also keep a `_fluent_enums` table.
                public static func retortEnum(_ name: String, on dialect: RetortDialect) -> Self {
                    dialect == .postgres ? .sql(SQLIdentifier(name)) : .string
                }
            }

            extension SchemaBuilder {
                /// A primary key with its name (Fluent's `.identifier` leaves it to the database).
                @discardableResult
                public func retortPrimaryKey(_ columns: String..., name: String?) -> Self {
                    self.constraint(.constraint(.sql(SQLTableConstraintAlgorithm.primaryKey(columns: columns.map { SQLIdentifier($0) })), name: name))
                }

                /// A check constraint, with its name (in the CREATE TABLE, which SQLite needs).
                @discardableResult
                public func retortCheck(_ expression: String, name: String) -> Self {
                    self.constraint(.constraint(.sql(unsafeRaw: "CHECK (\(expression))"), name: name))
                }

                /// A generated single-column key as Retort writes it: INTEGER PRIMARY KEY AUTOINCREMENT on
                /// SQLite, an identity column (by default) with a named primary key on PostgreSQL.
                @discardableResult
                public func retortAutoincrementKey(_ column: String, _ type: DatabaseSchema.DataType, name: String?, on dialect: RetortDialect) -> Self {
                    switch dialect {
                    case .sqlite:
                        return self.field(.string(column), .sql(unsafeRaw: "INTEGER"), .required, .sql(unsafeRaw: "PRIMARY KEY AUTOINCREMENT"))
                    case .postgres:
                        return self.field(.string(column), type, .required, .sql(unsafeRaw: "GENERATED BY DEFAULT AS IDENTITY"))
                            .retortPrimaryKey(column, name: name)
                    }
                }
            }

            """#
    }
}
