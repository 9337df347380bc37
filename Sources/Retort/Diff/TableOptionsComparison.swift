/// The table's comment.
enum TableCommentComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        guard pair.normalizedOld.comment != pair.normalizedNew.comment else { return [] }
        return [.setTableComment(table: pair.name, from: pair.old.comment, to: pair.new.comment)]
    }
}

/// SQLite's `STRICT` and `WITHOUT ROWID`.
enum SQLiteTableOptionsComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        guard pair.normalizedOld.sqlite != pair.normalizedNew.sqlite else { return [] }
        return [.setSQLiteTableOptions(table: pair.name, from: pair.old.sqlite, to: pair.new.sqlite)]
    }
}
