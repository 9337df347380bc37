import Foundation

/// Retort's documented, principled refusals, read from the one place they are listed:
/// `Sources/Retort/Retort.docc/Refusals.md`, between `<!-- refusals -->` and `<!-- end refusals -->`.
struct Refusals {
    struct Entry {
        var title: String
        /// `autogen`, `upgrade` or `downgrade`.
        var when: String
        var pattern: String
    }
    let entries: [Entry]

    static let documented: Refusals = {
        let url = repositoryRoot.appendingPathComponent("Sources/Retort/Retort.docc/Refusals.md")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return Refusals(markdown: text)
    }()

    init(markdown: String) {
        var inside = false
        var entries: [Entry] = [], base = ""
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<!-- refusals -->") { inside = true; continue }
            if line.hasPrefix("<!-- end refusals -->") { break }
            guard inside, line.hasPrefix("|"), !line.hasPrefix("|---") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[3].hasPrefix("`"), cells[3].hasSuffix("`"), cells[3].count > 2 else { continue }
            // "The same, on SQLite" names the row it repeats (the last one that is not "The same").
            let same = cells[1].hasPrefix("The same")
            if !same { base = cells[1] }
            let title = same ? "\(base) (\(cells[1]))" : cells[1]
            entries.append(Entry(title: title, when: cells[2], pattern: String(cells[3].dropFirst().dropLast())))
        }
        self.entries = entries
    }

    /// The documented refusal an error message is, if any, for an error at `when`.
    func match(_ message: String, when: String) -> Entry? {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        return entries.first { $0.when == when && Self.matches(firstLine, $0.pattern) }
    }

    /// `*` matches any text; everything else literally.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let parts = pattern.components(separatedBy: "*")
        var rest = Substring(text)
        for (i, part) in parts.enumerated() {
            if part.isEmpty { continue }
            if i == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if let r = rest.range(of: part) {
                rest = rest[r.upperBound...]
            } else {
                return false
            }
        }
        return pattern.hasSuffix("*") || rest.isEmpty || parts.last!.isEmpty
    }
}
