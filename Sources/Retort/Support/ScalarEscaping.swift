extension String {
    /// This text with each listed Unicode scalar replaced, scalar by scalar.
    ///
    /// Every escape that quotes text for SQL, a libpq connection string or generated code goes
    /// through here: `replacingOccurrences(of:with:)` matches Characters, and a quote followed by a
    /// combining mark (`'` U+0301) is one Character that is not a quote, so it would be left
    /// unescaped and end the quoted text early.
    func replacingScalars(_ replacements: [Unicode.Scalar: String]) -> String {
        var out = String.UnicodeScalarView()
        for u in unicodeScalars {
            if let r = replacements[u] { out.append(contentsOf: r.unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }
}
