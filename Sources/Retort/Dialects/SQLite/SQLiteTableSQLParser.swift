/// What SQLite's pragmas do not tell about a table, read from its `CREATE TABLE` text:
/// constraint names, check expressions, generation expressions and `AUTOINCREMENT`.
struct SQLiteTableSQL {
    var autoincrementColumns: Set<String> = []
    /// The expression of each generated column, by column name.
    var generated: [String: String] = [:]
    /// Each column's `COLLATE` name, by column name.
    var collations: [String: String] = [:]
    var primaryKeyName: String?
    var uniques: [UniqueConstraint] = []
    var foreignKeys: [ForeignKey] = []
    var checks: [CheckConstraint] = []
    /// `STRICT` and `WITHOUT ROWID`, after the column list.
    var options: SQLiteTableOptions = []

    /// Parses a `CREATE TABLE` statement; unknown clauses are skipped, never guessed.
    init(sql: String) {
        let tokens = SQLTokenizer.tokenize(sql)
        guard let open = tokens.firstIndex(where: { $0.isPunctuation("(") }),
            let close = SQLTokenizer.matchingParen(tokens[...], from: open)
        else { return }
        for item in SQLTokenizer.splitTopLevel(tokens[(open + 1)..<close]) where !item.isEmpty {
            parseItem(item, sql: sql)
        }
        for option in SQLTokenizer.splitTopLevel(tokens[(close + 1)...]) {
            let words = option.filter { $0.kind == .word }
            if words.count == 1, words[0].isKeyword("STRICT") { options.insert(.strict) }
            if words.count == 2, words[0].isKeyword("WITHOUT"), words[1].isKeyword("ROWID") { options.insert(.withoutRowID) }
        }
    }

    private static let tableConstraintStarts = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]
    private static let columnConstraintStarts = [
        "CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS",
    ]

    private mutating func parseItem(_ item: ArraySlice<SQLToken>, sql: String) {
        let first = item[item.startIndex]
        if first.kind == .word, Self.tableConstraintStarts.contains(where: first.isKeyword) {
            parseConstraints(item, column: nil, sql: sql)
            return
        }
        let column = first.value
        var i = item.startIndex + 1
        while i < item.endIndex, !(item[i].kind == .word && Self.columnConstraintStarts.contains(where: item[i].isKeyword)) {
            if item[i].isPunctuation("("), let end = SQLTokenizer.matchingParen(item, from: i) { i = end }
            i += 1
        }
        parseConstraints(item[i...], column: column, sql: sql)
    }

    /// Reads a run of constraints; `column` is set for column constraints.
    private mutating func parseConstraints(_ tokens: ArraySlice<SQLToken>, column: String?, sql: String) {
        var i = tokens.startIndex
        var name: String?
        func names(at open: Int) -> ([String], Int)? {
            guard open < tokens.endIndex, tokens[open].isPunctuation("("),
                let end = SQLTokenizer.matchingParen(tokens, from: open)
            else { return nil }
            let cols = SQLTokenizer.splitTopLevel(tokens[(open + 1)..<end]).compactMap { $0.first?.value }
            return (cols, end)
        }
        while i < tokens.endIndex {
            let t = tokens[i]
            if t.isKeyword("CONSTRAINT"), i + 1 < tokens.endIndex {
                name = tokens[i + 1].value
                i += 2
                continue
            }
            if t.isKeyword("PRIMARY") {
                primaryKeyName = name
                var j = i + 2
                if column == nil, let (cols, end) = names(at: j) {
                    j = end + 1
                    _ = cols
                }
                while j < tokens.endIndex, tokens[j].kind == .word,
                    !Self.columnConstraintStarts.contains(where: tokens[j].isKeyword)
                {
                    if tokens[j].isKeyword("AUTOINCREMENT"), let column { autoincrementColumns.insert(column) }
                    j += 1
                }
                name = nil
                i = j
                continue
            }
            if t.isKeyword("UNIQUE") {
                if let column {
                    uniques.append(UniqueConstraint([column], name: name))
                    i += 1
                } else if let (cols, end) = names(at: i + 1) {
                    uniques.append(UniqueConstraint(cols, name: name))
                    i = end + 1
                } else {
                    i += 1
                }
                name = nil
                continue
            }
            if t.isKeyword("CHECK"), i + 1 < tokens.endIndex, tokens[i + 1].isPunctuation("("),
                let end = SQLTokenizer.matchingParen(tokens, from: i + 1)
            {
                let text = String(sql[tokens[i + 1].range.upperBound..<tokens[end].range.lowerBound])
                checks.append(CheckConstraint(name, SQLText.normalizeExpression(text)))
                name = nil
                i = end + 1
                continue
            }
            if t.isKeyword("COLLATE"), let column, i + 1 < tokens.endIndex {
                collations[column] = tokens[i + 1].value
                name = nil
                i += 2
                continue
            }
            // [GENERATED ALWAYS] AS (expression) [STORED | VIRTUAL]: pragma_table_xinfo tells which.
            if t.isKeyword("AS"), let column, i + 1 < tokens.endIndex, tokens[i + 1].isPunctuation("("),
                let end = SQLTokenizer.matchingParen(tokens, from: i + 1)
            {
                generated[column] = SQLText.normalizeExpression(String(sql[tokens[i + 1].range.upperBound..<tokens[end].range.lowerBound]))
                name = nil
                i = end + 1
                continue
            }
            if t.isKeyword("FOREIGN"), let (cols, end) = names(at: i + 2) {
                i = parseReferences(tokens, from: end + 1, columns: cols, name: name)
                name = nil
                continue
            }
            if t.isKeyword("REFERENCES"), let column {
                i = parseReferences(tokens, from: i, columns: [column], name: name)
                name = nil
                continue
            }
            if t.isPunctuation("("), let end = SQLTokenizer.matchingParen(tokens, from: i) {
                i = end + 1
                continue
            }
            i += 1
        }
    }

    /// Reads `REFERENCES table (cols)`; actions come from the pragma, which is authoritative.
    private mutating func parseReferences(_ tokens: ArraySlice<SQLToken>, from start: Int, columns: [String], name: String?)
        -> Int
    {
        guard start < tokens.endIndex, tokens[start].isKeyword("REFERENCES"), start + 1 < tokens.endIndex else {
            return start + 1
        }
        let table = tokens[start + 1].value
        var referenced: [String] = []
        var next = start + 2
        if next < tokens.endIndex, tokens[next].isPunctuation("("), let end = SQLTokenizer.matchingParen(tokens, from: next) {
            referenced = SQLTokenizer.splitTopLevel(tokens[(next + 1)..<end]).compactMap { $0.first?.value }
            next = end + 1
        }
        var fk = ForeignKey(columns, references: table, referenced, name: name)
        var deferrable = false, deferred = false
        while next < tokens.endIndex {
            let t = tokens[next]
            if t.isKeyword("ON"), next + 2 < tokens.endIndex {
                let action = tokens[next + 2]
                next += action.isKeyword("SET") || action.isKeyword("NO") ? 4 : 3
            } else if t.isKeyword("MATCH") {
                next += 2
            } else if t.isKeyword("INITIALLY") {
                deferred = next + 1 < tokens.endIndex && tokens[next + 1].isKeyword("DEFERRED")
                next += 2
            } else if t.isKeyword("NOT"), next + 1 < tokens.endIndex, tokens[next + 1].isKeyword("DEFERRABLE") {
                next += 2
            } else if t.isKeyword("DEFERRABLE") {
                deferrable = true
                next += 1
            } else {
                break
            }
        }
        if deferrable { fk.deferrable = deferred ? .initiallyDeferred : .initiallyImmediate }
        foreignKeys.append(fk)
        return next
    }
}

/// What the `CREATE INDEX` text tells beyond the pragmas: the predicate of a partial index
/// and the text of expression keys.
struct SQLiteIndexSQL {
    var predicate: String?
    var keys: [String] = []

    init(sql: String) {
        let tokens = SQLTokenizer.tokenize(sql)
        guard let on = tokens.firstIndex(where: { $0.isKeyword("ON") }),
            let open = tokens[on...].firstIndex(where: { $0.isPunctuation("(") }),
            let close = SQLTokenizer.matchingParen(tokens[...], from: open)
        else { return }
        for part in SQLTokenizer.splitTopLevel(tokens[(open + 1)..<close]) where !part.isEmpty {
            var last = part.endIndex - 1
            while last > part.startIndex, part[last].isKeyword("ASC") || part[last].isKeyword("DESC") { last -= 1 }
            keys.append(SQLText.normalizeExpression(String(sql[part[part.startIndex].range.lowerBound..<part[last].range.upperBound])))
        }
        if let whereIndex = tokens[(close + 1)...].firstIndex(where: { $0.isKeyword("WHERE") }), whereIndex + 1 < tokens.count {
            predicate = SQLText.normalizeExpression(String(sql[tokens[whereIndex + 1].range.lowerBound...]))
        }
    }
}
