/// Reading exclusion constraints as the catalog prints them.
extension ExclusionConstraint {
    /// The constraint as `pg_get_constraintdef` prints it: `EXCLUDE USING gist (room WITH =, ((a + b)) WITH &&) WHERE ((room > 0)) DEFERRABLE`.
    static func parse(name: String, definition text: String) -> ExclusionConstraint? {
        let tokens = SQLTokenizer.tokenize(text)
        guard tokens.count > 4, tokens[0].isKeyword("EXCLUDE"), tokens[1].isKeyword("USING"), tokens[3].isPunctuation("("),
            let close = SQLTokenizer.matchingParen(tokens[...], from: 3)
        else { return nil }
        var elements: [Element] = []
        for part in SQLTokenizer.splitTopLevel(tokens[4..<close]) {
            // The operator follows the last WITH at the top level.
            var depth = 0, with: Int?
            for i in part.indices {
                if part[i].isPunctuation("(") { depth += 1 }
                if part[i].isPunctuation(")") { depth -= 1 }
                if depth == 0, part[i].isKeyword("WITH") { with = i }
            }
            guard let w = with, w > part.startIndex, w + 1 < part.endIndex else { return nil }
            let keyTokens = part[part.startIndex..<w]
            let op = String(text[part[w + 1].range.lowerBound..<part.last!.range.upperBound])
            if keyTokens.count == 1, let k = keyTokens.first, k.kind == .word || k.kind == .quotedIdentifier {
                elements.append(Element(k.value, op))
            } else {
                elements.append(Element(key: .expression(SQLTokenizer.unwrapped(keyTokens, in: text)), op))
            }
        }
        var constraint = ExclusionConstraint(name, using: tokens[2].value, elements)
        var i = close + 1
        if i < tokens.count, tokens[i].isKeyword("WHERE"), i + 1 < tokens.count, tokens[i + 1].isPunctuation("("),
            let end = SQLTokenizer.matchingParen(tokens[...], from: i + 1)
        {
            constraint.predicate = SQLTokenizer.unwrapped(tokens[(i + 1)...end], in: text)
            i = end + 1
        }
        let rest = tokens[i...].map { $0.value.uppercased() }
        if rest.contains("DEFERRABLE") && !rest.starts(with: ["NOT"]) {
            constraint.deferrable = rest.contains("DEFERRED") ? .initiallyDeferred : .initiallyImmediate
        }
        return constraint
    }
}
