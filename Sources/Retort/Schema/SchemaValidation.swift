import Foundation

/// A model that cannot describe a database; reported before any database is touched.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the models, on one line.
    public var message: String
    /// A model error with a one-line message.
    public init(_ message: String) { self.message = message }
    public var description: String { "invalid model: \(message)" }
}

extension Schema {
    /// Checks that the schema is self-consistent; throws the first problem found. Foreign keys may
    /// point to tables the filter excludes (tables Retort does not own).
    public func validate(excluding filter: TableFilter = TableFilter()) throws {
        var tableNames = Set<String>()
        var objectNames: [String: String] = [:]
        var enums: [String: [String]] = [:]
        for table in tables {
            guard !table.name.isEmpty else { throw ModelError("a table has an empty name") }
            guard tableNames.insert(table.name).inserted else { throw ModelError("table '\(table.name)' is declared twice") }
            if table.sqlite?.contains(.withoutRowID) == true {
                guard table.primaryKey != nil else {
                    throw ModelError("table '\(table.name)' is WITHOUT ROWID on SQLite; it needs a primary key")
                }
                if let c = table.columns.first(where: { $0.autoincrement && $0.autoincrementKind == nil }) {
                    throw ModelError("table '\(table.name)' is WITHOUT ROWID on SQLite, which has no AUTOINCREMENT; '\(c.name)' cannot be autoincrement")
                }
            }
            if table.isStrict, let c = table.columns.first(where: { c in
                c.nativeTypes[.sqlite].map { !["INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"].contains($0.uppercased()) } ?? false
            }) {
                throw ModelError("table '\(table.name)' is STRICT on SQLite, which accepts only INT, INTEGER, REAL, TEXT, BLOB and ANY; '\(c.name)' is \(c.nativeTypes[.sqlite]!)")
            }
            var columnNames = Set<String>()
            for column in table.columns {
                guard !column.name.isEmpty else { throw ModelError("table '\(table.name)' has a column with an empty name") }
                guard columnNames.insert(column.name).inserted else {
                    throw ModelError("column '\(column.name)' is declared twice in table '\(table.name)'")
                }
                if case .string(let n) = column.type, n <= 0 {
                    throw ModelError("column '\(table.name).\(column.name)' has string length \(n); it must be positive")
                }
                if case .decimal(let p, let s) = column.type, p <= 0 || s < 0 || s > p {
                    throw ModelError("column '\(table.name).\(column.name)' has decimal(\(p),\(s)); need 0 <= scale <= precision")
                }
                if case .enumeration(let name, let values) = column.type {
                    guard !name.isEmpty, !values.isEmpty, Set(values).count == values.count else {
                        throw ModelError("column '\(table.name).\(column.name)' has enum '\(name)' with no values or a repeated value")
                    }
                    if let other = enums[name], other != values {
                        throw ModelError("enum '\(name)' is declared with different values in different columns")
                    }
                    enums[name] = values
                }
                if let g = column.generated {
                    guard !g.expression.trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw ModelError("column '\(table.name).\(column.name)' is generated from an empty expression")
                    }
                    guard column.defaultValue == nil, !column.autoincrement else {
                        throw ModelError(
                            "column '\(table.name).\(column.name)' is generated; it cannot also have a default or be autoincrement")
                    }
                    guard !(table.primaryKey?.columns.contains(column.name) ?? false) else {
                        throw ModelError("column '\(table.name).\(column.name)' is generated; it cannot be part of the primary key")
                    }
                }
                if column.autoincrement, column.autoincrementKind != nil {
                    guard column.type.isInteger else {
                        throw ModelError("column '\(table.name).\(column.name)' is \(column.autoincrementKind!.displayName); it must be an integer type")
                    }
                } else if column.autoincrement {
                    guard column.type.isInteger, table.primaryKey?.columns == [column.name] else {
                        throw ModelError(
                            "column '\(table.name).\(column.name)' is autoincrement; only a single-column integer primary key can be")
                    }
                }
            }
            func requireColumns(_ cols: [String], _ what: String) throws {
                guard !cols.isEmpty || what == "index" else { throw ModelError("\(what) on table '\(table.name)' names no columns") }
                for c in cols where !columnNames.contains(c) {
                    throw ModelError("\(what) on table '\(table.name)' uses missing column '\(c)'")
                }
                guard Set(cols).count == cols.count else {
                    throw ModelError("\(what) on table '\(table.name)' names a column twice")
                }
            }
            if let pk = table.primaryKey { try requireColumns(pk.columns, "primary key") }
            for u in table.uniqueConstraints { try requireColumns(u.columns, "unique constraint") }
            for i in table.indexes {
                guard !i.keys.isEmpty else { throw ModelError("index '\(i.name ?? "?")' on table '\(table.name)' has no keys") }
                try requireColumns(i.columns, "index")
                for c in i.include where !columnNames.contains(c) {
                    throw ModelError("index '\(i.name ?? "?")' on table '\(table.name)' includes missing column '\(c)'")
                }
            }
            for fk in table.foreignKeys { try requireColumns(fk.columns, "foreign key") }
            for c in table.checks where c.expression.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ModelError("check constraint '\(c.name ?? "?")' on table '\(table.name)' has an empty expression")
            }
            let names = table.constraints.compactMap(\.name) + table.indexes.compactMap(\.name)
            for name in names {
                if let other = objectNames[name] {
                    throw ModelError("name '\(name)' is used twice (tables '\(other)' and '\(table.name)')")
                }
                objectNames[name] = table.name
            }
        }
        try validateNameLengths()
        let byName = Dictionary(tables.map { ($0.name, $0) }) { a, _ in a }
        for table in tables {
            for fk in table.foreignKeys {
                if byName[fk.referencedTable] == nil, filter.excludes(fk.referencedTable) { continue }
                guard let target = byName[fk.referencedTable] else {
                    throw ModelError("foreign key on '\(table.name)' references missing table '\(fk.referencedTable)'")
                }
                guard fk.columns.count == fk.referencedColumns.count else {
                    throw ModelError(
                        "foreign key on '\(table.name)' has \(fk.columns.count) columns but references \(fk.referencedColumns.count)")
                }
                for c in fk.referencedColumns where target.column(c) == nil {
                    throw ModelError("foreign key on '\(table.name)' references missing column '\(fk.referencedTable).\(c)'")
                }
                let keys = [target.primaryKey?.columns].compactMap { $0 } + target.uniqueConstraints.map(\.columns)
                    + target.indexes.filter { $0.unique && $0.predicate == nil && $0.isColumnsOnly }.map(\.columns)
                guard keys.contains(where: { Set($0) == Set(fk.referencedColumns) }) else {
                    throw ModelError(
                        "foreign key on '\(table.name)' references '\(fk.referencedTable)(\(fk.referencedColumns.joined(separator: ", ")))', which is not a primary key or unique")
                }
            }
        }
    }
}

extension Schema {
    /// Refuses any name longer than PostgreSQL keeps, so that no later diff keeps showing it.
    func validateNameLengths() throws {
        func check(_ name: String?, _ what: String) throws {
            guard let name, name.utf8.count > NamingConvention.maxIdentifierBytes else { return }
            throw ModelError(
                "\(what) name '\(name)' is \(name.utf8.count) bytes; PostgreSQL keeps at most \(NamingConvention.maxIdentifierBytes) and would truncate it")
        }
        for t in tables {
            try check(t.name, "table")
            for c in t.columns {
                try check(c.name, "column")
                if case .enumeration(let name, let values) = c.type {
                    try check(name, "enum type")
                    for v in values { try check(v, "enum value") }
                }
            }
            for c in t.constraints { try check(c.name, c.kind) }
            for i in t.indexes { try check(i.name, "index") }
        }
        for e in enums {
            try check(e.name, "enum type")
            for v in e.values { try check(v, "enum value") }
        }
        for s in sequences { try check(s.name, "sequence") }
    }
}
