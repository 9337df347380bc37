/// Reads an SQLite trigger's stored `CREATE TRIGGER` statement into its parts.
enum SQLiteTriggerSQL {
    /// `CREATE [TEMP] TRIGGER [IF NOT EXISTS] name [BEFORE | AFTER | INSTEAD OF] event [OF columns]
    /// ON table [FOR EACH ROW] [WHEN condition] BEGIN statements END`; nil for text of another shape
    /// (the trigger is then kept as written).
    static func parse(_ sql: String) -> Trigger? {
        let tokens = SQLTokenizer.tokenize(sql)
        var i = 0
        func keyword(_ k: String) -> Bool {
            guard i < tokens.count, tokens[i].isKeyword(k) else { return false }
            i += 1
            return true
        }
        guard keyword("CREATE") else { return nil }
        _ = keyword("TEMP") || keyword("TEMPORARY")
        guard keyword("TRIGGER") else { return nil }
        if keyword("IF") { guard keyword("NOT"), keyword("EXISTS") else { return nil } }
        guard i < tokens.count, tokens[i].isName else { return nil }
        var name = tokens[i].value
        i += 1
        if i + 1 < tokens.count, tokens[i].isPunctuation(".") {
            name = tokens[i + 1].value
            i += 2
        }
        var timing = Trigger.Timing.before
        if keyword("BEFORE") {
            timing = .before
        } else if keyword("AFTER") {
            timing = .after
        } else if keyword("INSTEAD") {
            guard keyword("OF") else { return nil }
            timing = .insteadOf
        }
        let event: Trigger.Event
        var updateOf: [String] = []
        if keyword("DELETE") {
            event = .delete
        } else if keyword("INSERT") {
            event = .insert
        } else if keyword("UPDATE") {
            event = .update
            if keyword("OF") {
                while i < tokens.count, tokens[i].isName {
                    updateOf.append(tokens[i].value)
                    i += 1
                    guard i < tokens.count, tokens[i].isPunctuation(",") else { break }
                    i += 1
                }
            }
        } else {
            return nil
        }
        guard keyword("ON"), i < tokens.count, tokens[i].isName else { return nil }
        i += 1
        if i + 1 < tokens.count, tokens[i].isPunctuation(".") { i += 2 }
        if keyword("FOR") { guard keyword("EACH"), keyword("ROW") else { return nil } }
        var when: String?
        if keyword("WHEN") {
            let start = i
            while i < tokens.count, !tokens[i].isKeyword("BEGIN") { i += 1 }
            guard i > start, i < tokens.count else { return nil }
            when = String(sql[tokens[start].range.lowerBound..<tokens[i - 1].range.upperBound])
        }
        guard keyword("BEGIN"), let end = tokens.lastIndex(where: { $0.isKeyword("END") }), end > i, end == tokens.count - 1
            || (end == tokens.count - 2 && tokens[end + 1].isPunctuation(";"))
        else { return nil }
        let body = String(sql[tokens[i].range.lowerBound..<tokens[end - 1].range.upperBound])
        return Trigger(name, timing, [event], updateOf: updateOf, when: when, body: body)
    }
}
