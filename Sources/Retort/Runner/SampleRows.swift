/// A few generated rows for every empty table, so that `verify` sees whether revisions keep data.
/// Values follow each column's type; foreign keys take a value the referenced table has; a
/// table whose constraints refuse the rows is left empty and named in the notes.
enum SampleRows {
    static let perTable = 3

    /// Fills the empty tables of `schema` (referenced tables first); returns one note per table left empty.
    static func fill(_ db: any DatabaseConnection, schema: Schema) throws -> [String] {
        var notes: [String] = []
        var counts: [String: Int64] = [:]
        for t in schema.tables {
            counts[t.name] = try db.query("SELECT count(*) FROM \(SQLText.quote(t.name))").first?.first?.int ?? 0
        }
        let order = Planner.topologicalOrder(
            schema.tables.map(\.name), rank: Dictionary(uniqueKeysWithValues: schema.tables.enumerated().map { ($1.name, $0) }),
            dependencies: { name in Set(schema.table(name)?.foreignKeys.map(\.referencedTable).filter { $0 != name } ?? []) },
            breakCycle: { _, _ in [] })
        for name in order {
            guard let table = schema.table(name), counts[name] == 0 else { continue }
            var inserted = 0
            var lastError = ""
            for i in 1...perTable {
                do {
                    if try insert(i, into: table, db: db, nullOptional: false) { inserted += 1; continue }
                } catch { lastError = "\(error)" }
                do {
                    if try insert(i, into: table, db: db, nullOptional: true) { inserted += 1 }
                } catch { lastError = "\(error)" }
            }
            if inserted == 0, !table.columns.isEmpty {
                notes.append("table \(name) keeps no generated rows (\(lastError.split(separator: "\n").first ?? "no value fits"))")
            }
        }
        return notes
    }

    /// Inserts row `i`; false when a required column has no value to give.
    static func insert(_ i: Int, into table: Table, db: any DatabaseConnection, nullOptional: Bool) throws -> Bool {
        var names: [String] = [], values: [SQLValue] = []
        for c in table.columns where !c.autoincrement && c.generated == nil {
            var value: SQLValue? = nil
            if let fk = table.foreignKeys.first(where: { $0.columns.contains(c.name) }) {
                let position = fk.columns.firstIndex(of: c.name)!
                let referenced = fk.referencedColumns[position]
                value = fk.referencedTable == table.name
                    ? nil
                    : try db.query(
                        "SELECT \(SQLText.quote(referenced)) FROM \(SQLText.quote(fk.referencedTable)) ORDER BY 1 LIMIT 1"
                    ).first?.first
            } else if !(nullOptional && c.nullable) {
                value = sample(c.type, i)
            }
            if value == nil || value == .null {
                if c.nullable || c.defaultValue != nil { continue }
                return false
            }
            names.append(c.name)
            values.append(value!)
        }
        let placeholders = values.indices.map { db.dialect.implementation.placeholder($0 + 1) }
        let sql = names.isEmpty
            ? "INSERT INTO \(SQLText.quote(table.name)) DEFAULT VALUES"
            : "INSERT INTO \(SQLText.quote(table.name)) (\(SQLText.quoteList(names))) VALUES (\(placeholders.joined(separator: ", ")))"
        try db.execute(sql, values)
        return true
    }

    /// A value of the type for row `i` (distinct per row, so unique keys hold).
    static func sample(_ type: ColumnType, _ i: Int) -> SQLValue? {
        switch type {
        case .smallint, .integer, .bigint: return .integer(Int64(i))
        case .text: return .text("v\(i)")
        case .string(let n): return .text(String("v\(i)".prefix(n)))
        case .boolean: return .integer(i % 2 == 0 ? 1 : 0)
        case .real, .double: return .double(Double(i) + 0.5)
        case .decimal(let p, let s): return p - s >= 1 ? .text(String(i % 10)) : .text("0")
        case .date: return .text("2026-01-0\(i % 9 + 1)")
        case .timestamp: return .text("2026-01-0\(i % 9 + 1) 10:00:00")
        case .uuid: return .text("00000000-0000-4000-8000-00000000000\(i % 10)")
        case .json: return .text("{\"i\": \(i)}")
        case .blob: return .blob([UInt8(i % 256)])
        case .enumeration(_, let values): return values.isEmpty ? nil : .text(values[i % values.count])
        case .native: return nil
        }
    }
}
