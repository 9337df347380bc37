/// Reads SQLite's `CREATE [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS query` text back into a view.
enum SQLiteViewSQL {
    static func parse(_ sql: String, name: String) -> View? {
        let tokens = SQLTokenizer.tokenize(sql)
        guard let viewAt = tokens.firstIndex(where: { $0.isKeyword("view") }) else { return nil }
        var i = viewAt + 1
        if i + 2 < tokens.count, tokens[i].isKeyword("if"), tokens[i + 1].isKeyword("not"), tokens[i + 2].isKeyword("exists") { i += 3 }
        // The name, perhaps qualified (`main.v`).
        i += 1
        while i + 1 < tokens.count, tokens[i].isPunctuation(".") { i += 2 }
        var columns: [String] = []
        if i < tokens.count, tokens[i].isPunctuation("(") {
            guard let close = SQLTokenizer.matchingParen(tokens[...], from: i) else { return nil }
            columns = tokens[(i + 1)..<close].filter(\.isName).map(\.value)
            i = close + 1
        }
        guard i < tokens.count, tokens[i].isKeyword("as"), i + 1 < tokens.count else { return nil }
        let query = String(sql[tokens[i + 1].range.lowerBound...])
        return View(name, query, columns: columns)
    }
}
