import Foundation
import Retort
import Testing

/// The model side of the corpus: DSL models that describe a fixture's `after.sql` diff to nothing
/// against the database built from it — whatever PostgreSQL rewrote in the expressions, and
/// with every PostgreSQL-only detail the fixture uses spelled in the DSL.
@Suite("Convergence corpus: DSL models of the fixtures diff to nothing")
struct CorpusModelTests {
    static func pk(_ table: String, _ columns: String...) -> PrimaryKey { PrimaryKey(columns, name: "\(table)_pkey") }

    static let models: [String: Schema] = [
        "create_table": Schema {
            Table("t") { Column("id", .integer); Column("name", .text); pk("t", "id") }
        },
        "add_column_not_null_default": Schema {
            Table("t") { Column("id", .integer); Column("status", .string(20), default: "new"); pk("t", "id") }
        },
        "boolean_default": Schema {
            Table("t") { Column("id", .integer); Column("active", .boolean, default: true); pk("t", "id") }
        },
        "uuid_random_default": Schema {
            Table("t") { Column("id", .integer); Column("token", .uuid, default: .expression("gen_random_uuid()")); pk("t", "id") }
        },
        "jsonb_default": Schema {
            Table("t") { Column("id", .integer); Column("data", .json, default: "{}"); pk("t", "id") }
        },
        "timestamptz_now": Schema {
            Table("t") { Column("id", .integer); Column("created_at", .timestamptz, default: .expression("now()")); pk("t", "id") }
        },
        "text_array": Schema {
            Table("t") { Column("id", .integer); Column("tags", .native("text[]"), nullable: true); pk("t", "id") }
        },
        "array_empty_default": Schema {
            Table("t") { Column("id", .integer); Column("ids", .native("integer[]"), default: "{}"); pk("t", "id") }
        },
        "composite_primary_key": Schema {
            Table("t") {
                Column("a", .integer); Column("b", .text); Column("c", .date, nullable: true)
                pk("t", "a", "b")
            }
        },
        "unique_multi_column": Schema {
            Table("t") {
                Column("id", .integer); Column("a", .text, nullable: true); Column("b", .text, nullable: true)
                pk("t", "id")
                Unique("b", "a", name: "t_a_b_key")
            }
        },
        "fk_on_delete_cascade": Schema {
            Table("p") { Column("id", .integer); pk("p", "id") }
            Table("c") {
                Column("id", .integer); Column("p_id", .integer, nullable: true); pk("c", "id")
                ForeignKey("p_id", references: "p", "id", onDelete: .cascade, name: "c_p_id_fkey")
            }
        },
        "fk_self_reference": Schema {
            Table("node") {
                Column("id", .integer); Column("parent_id", .integer, nullable: true); pk("node", "id")
                ForeignKey("parent_id", references: "node", "id", name: "node_parent_id_fkey")
            }
        },
        "check_between_kept": Schema {
            Table("t") {
                Column("id", .integer); Column("qty", .integer, nullable: true); Column("note", .text, nullable: true)
                pk("t", "id")
                Check("qty_range", "qty BETWEEN 1 AND 100")
            }
        },
        "generated_column_add": Schema {
            Table("t") {
                Column("id", .integer); Column("price", .decimal(10, 2), nullable: true); Column("qty", .integer, nullable: true)
                Column("total", .native("numeric"), nullable: true, generated: .stored("price * qty"))
                pk("t", "id")
            }
        },
        "plain_to_generated": Schema {
            Table("t") {
                Column("id", .integer); Column("first", .text, nullable: true); Column("last", .text, nullable: true)
                Column("full_name", .text, nullable: true, generated: .stored("coalesce(first, '') || ' ' || coalesce(last, '')"))
                pk("t", "id")
                Index(keys: [.expression("lower(full_name)")], name: "t_full")
            }
        },
        "generated_set_not_null": Schema {
            Table("t") {
                Column("id", .integer); Column("a", .integer); Column("b", .integer, generated: .stored("a*2"))
                pk("t", "id")
            }
        },
        "generated_column_create_table": Schema {
            Table("other") { Column("id", .integer); pk("other", "id") }
            Table("Odd \"t\"") {
                Column("id", .integer); Column("Weird col", .text, nullable: true)
                Column("w len", .integer, nullable: true, generated: .stored("length(\"Weird col\")"))
                pk("Odd \"t\"", "id")
            }
        },
        "collation_added": Schema {
            Table("t") {
                Column("id", .integer); Column("code", .text, nullable: true, collations: [.postgres: "C", .sqlite: "NOCASE"])
                Column("name", .string(40), nullable: true, collations: [.postgres: "POSIX"])
                pk("t", "id")
                Index("code", name: "t_code")
            }
        },
        "collation_create_table": Schema {
            Table("other") { Column("id", .integer); pk("other", "id") }
            Table("t") {
                Column("id", .integer); Column("code", .text, default: "x", collations: [.postgres: "C"])
                Column("tags", .native("text[]"), nullable: true, collations: [.postgres: "POSIX"])
                pk("t", "id")
            }
        },
        "index_key_collation": Schema {
            Table("t") {
                Column("id", .integer); Column("code", .text, nullable: true)
                Column("name", .text, nullable: true, collations: [.postgres: "C"])
                pk("t", "id")
                Index("code", name: "t_code", options: [IndexKeyOptions(opclass: "text_pattern_ops", descending: true, collations: [.postgres: "C"])])
                Index("name", "code", name: "t_name", options: [IndexKeyOptions(collations: [.postgres: "POSIX", .sqlite: "NOCASE"]), IndexKeyOptions()])
            }
        },
        "index_key_column_collation_same": Schema {
            Table("t") {
                Column("id", .integer); Column("name", .text, nullable: true, collations: [.postgres: "C"])
                pk("t", "id")
                Index("name", name: "t_name", options: [IndexKeyOptions(collations: [.postgres: "C"])])
            }
        },
        "check_in_list": Schema {
            Table("t") {
                Column("id", .integer); Column("status", .text, nullable: true); pk("t", "id")
                Check("status_known", "status IN ('new', 'done', 'it''s')")
            }
        },
        "check_at_time_zone": Schema {
            Table("t") {
                Column("id", .integer); Column("at", .timestamptz, nullable: true); pk("t", "id")
                Check("at_after", "(at AT TIME ZONE 'UTC') > '2000-01-01'::timestamp")
            }
        },
        "partial_index": Schema {
            Table("t") {
                Column("id", .integer); Column("name", .text, nullable: true); Column("deleted", .boolean, nullable: true)
                pk("t", "id")
                Index("name", name: "t_live", where: "NOT deleted")
            }
        },
        "expression_index": Schema {
            Table("t") {
                Column("id", .integer); Column("email", .text, nullable: true); pk("t", "id")
                Index(keys: [.expression("lower(email)")], name: "t_lower_email")
            }
        },
        "index_desc_nulls_last": Schema {
            Table("t") {
                Column("id", .integer); Column("a", .integer, nullable: true); Column("b", .integer, nullable: true)
                pk("t", "id")
                Index("a", "b", name: "t_ab", options: [IndexKeyOptions(descending: true, nulls: .last), IndexKeyOptions()])
            }
        },
        "gin_path_ops": Schema {
            Table("t") {
                Column("id", .integer); Column("doc", .json, nullable: true); pk("t", "id")
                Index("doc", name: "t_doc", using: "gin", options: [IndexKeyOptions(opclass: "jsonb_path_ops")])
            }
        },
        "index_include": Schema {
            Table("t") {
                Column("id", .integer); Column("a", .integer, nullable: true)
                Column("b", .text, nullable: true); Column("c", .text, nullable: true)
                pk("t", "id")
                Index("a", unique: true, name: "t_a_cover", include: ["b", "c"])
            }
        },
        "index_fillfactor": Schema {
            Table("t") {
                Column("id", .integer); Column("a", .integer, nullable: true); pk("t", "id")
                Index("a", name: "t_a", storage: ["fillfactor": "70"])
            }
        },
        "index_nulls_not_distinct": Schema {
            Table("t") {
                Column("id", .integer); Column("code", .text, nullable: true); pk("t", "id")
                Index("code", unique: true, name: "t_code", nullsNotDistinct: true)
            }
        },
        "enum_created_with_table": Schema {
            Table("t") {
                Column("id", .integer); Column("m", .enumeration("mood", ["sad", "ok", "happy"]), default: "ok")
                pk("t", "id")
            }
        },
        "enum_unused_created": Schema {
            EnumType("priority", ["low", "high"])
        },
        "deferred_unique": Schema {
            Table("t") {
                Column("id", .integer); Column("pos", .integer, nullable: true); pk("t", "id")
                Unique("pos", name: "t_pos_key", deferrable: .initiallyDeferred)
            }
        },
        "fk_match_full": Schema {
            Table("p") { Column("a", .integer); Column("b", .integer); pk("p", "a", "b") }
            Table("c") {
                Column("id", .integer); Column("pa", .integer, nullable: true); Column("pb", .integer, nullable: true)
                pk("c", "id")
                ForeignKey(["pa", "pb"], references: "p", ["a", "b"], name: "c_pa_pb_fkey", matchFull: true)
            }
        },
        "check_no_inherit": Schema {
            Table("t") {
                Column("id", .integer); Column("qty", .integer, nullable: true); pk("t", "id")
                Check("qty_pos", "qty > 0", noInherit: true)
            }
        },
        "check_not_valid_added": Schema {
            Table("t") {
                Column("id", .integer); Column("qty", .integer, nullable: true); pk("t", "id")
                Check("qty_pos", "qty > 0", notValid: true)
            }
        },
        "identity_always": Schema {
            Table("t") { Column("id", .integer).identity(.always); Column("name", .text, nullable: true); pk("t", "id") }
        },
        "identity_options": Schema {
            Table("t") { Column("id", .bigint).identity(.always, start: 1000, increment: 10); pk("t", "id") }
        },
        "serial_table": Schema {
            Table("t") { Column("id", .integer).serial(); Column("name", .text, nullable: true); pk("t", "id") }
        },
        "sequence_pg_dump_not_owned": Schema {
            DatabaseSequence("invoice_no", start: 1000, increment: 5, cache: 10)
            Table("invoices") {
                Column("id", .integer); Column("number", .bigint, default: .expression("nextval('invoice_no'::regclass)"))
                pk("invoices", "id")
            }
        },
        "table_without_columns_created": Schema {
            Table("marker") {}
        },
        "default_typed_timestamp": Schema {
            Table("t") { Column("id", .integer); Column("at", .timestamp, default: "0001-01-01 00:00:00"); pk("t", "id") }
        },
        "default_negative": Schema {
            Table("t") {
                Column("id", .integer); Column("delta", .integer, nullable: true, default: -1)
                Column("ratio", .decimal(5, 2), nullable: true, default: -0.5)
                Column("big", .bigint, nullable: true, default: -9_000_000_000)
                pk("t", "id")
            }
        },
        "default_concatenation": Schema {
            Table("t") { Column("id", .integer); Column("label", .text, nullable: true, default: .expression("'a' || 'b' || 'c'")); pk("t", "id") }
        },
        "mixed_case_names": Schema {
            Table("UserAccounts") {
                Column("Id", .integer); Column("DisplayName", .text, nullable: true); Column("eMail", .text, nullable: true)
                pk("UserAccounts", "Id")
                Index("eMail", name: "IX_UserAccounts_eMail")
            }
        },
        "index_comment_added": Schema {
            Table("t") {
                Column("id", .integer); Column("a", .integer, nullable: true); pk("t", "id")
                Index("a", name: "t_a", comment: "for lookups by a")
            }
        },
        // Bounds in other words than PostgreSQL's ('2022-01-01'::date, lower case), sub-partitions, own indexes.
        "partition_sub_and_indexes": Schema {
            Table("orders") {
                Column("order_id", .bigint); Column("region", .text); Column("ordered_on", .date)
                Column("total", .native("numeric"), nullable: true)
                Index("ordered_on", name: "orders_ordered_on")
                Index(["total"], name: "orders_total", options: [IndexKeyOptions(descending: true)])
                Partitioning(.list, on: ["region"], partitions: [
                    Partition("orders_eu", .list(["'de'", "'fr'::text"]), indexes: [Index(["total"], name: "orders_eu_big", where: "total > 1000")]),
                    Partition("orders_us", .list(["'us'"]), partitioning: Partitioning(.range, on: ["ordered_on"], partitions: [
                        Partition("orders_us_2022", .range(from: ["'2022-01-01'::date"], to: ["date '2023-01-01'"])),
                        Partition("orders_us_rest", .default),
                    ])),
                    Partition("orders_other", .default, partitioning: Partitioning(.hash, on: ["order_id"], partitions: [
                        Partition("orders_other_0", .hash(modulus: 2, remainder: 0)),
                        Partition("orders_other_1", .hash(modulus: 2, remainder: 1)),
                    ])),
                ])
            }
        },
    ]

    static let cases = models.keys.sorted()

    @Test("at least 30 fixtures have DSL models")
    func count() { #expect(Self.cases.count >= 30) }

    @Test("the models of a fixture diff to nothing against the database built from it", arguments: cases)
    func modelsMatch(_ name: String) throws {
        let test = try TestDatabase.make(.postgres, isolation: Corpus.isolation(.postgres, name))
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript(try Corpus.fixture(.postgres, name, "after"))
        let generator = try Autogenerator(models: Self.models[name]!, graph: try RevisionGraph([]))
        var notices: [String] = []
        let ops = try generator.differences(db) { notices.append($0) }
        #expect(ops.map(\.summary) == [], "\(name)")
        #expect(notices == [])
    }
}
