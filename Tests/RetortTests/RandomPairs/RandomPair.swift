import Foundation
import Retort

/// One drawn pair: schema A and the changes that make B, for one dialect.
struct RandomPair: Codable, Sendable {
    var dialect: DialectName
    var seed: UInt64
    var a: PairSchema
    var mutations: [PairMutation]

    /// The pair a seed draws: A, then one to four changes that each change something.
    static func draw(_ dialect: DialectName, seed: UInt64) -> RandomPair {
        var gen = PairGenerator(dialect: dialect, seed: seed)
        let a = gen.schema()
        var mutator = PairMutator(gen: gen)
        var s = a, mutations: [PairMutation] = []
        let wanted = mutator.gen.rng.pick([1, 1, 2, 2, 3, 4])
        var tries = 0
        while mutations.count < wanted, tries < 40 {
            tries += 1
            guard let m = mutator.draw(s), let next = m.applied(to: s), next != s else { continue }
            s = next
            mutations.append(m)
        }
        return RandomPair(dialect: dialect, seed: seed, a: a, mutations: mutations)
    }

    /// B: the changes replayed on A (one whose target is gone does nothing).
    var b: PairSchema {
        var b = mutations.reduce(a.normalized()) { s, m in m.applied(to: s) ?? s }
        // What a team must tell Retort: a value for the rows of a column that is NOT NULL in B and
        // was nullable in A, or is new in B with no default.
        for t in b.tables {
            guard let ta = a.table(b.hints.tables[t.name] ?? t.name) else { continue }
            for c in t.columns where !c.nullable && c.generated == nil && c.auto == nil {
                let before = ta.column(b.hints.columns[t.name]?[c.name] ?? c.name)
                if before?.nullable == true || (before == nil && c.defaultValue == nil) {
                    if case .domain = c.type { continue }
                    b.hints.backfills[t.name, default: [:]][c.name] = c.type
                }
            }
        }
        return b
    }

    var features: Set<PairFeature> {
        PairFeature.drawn(in: a).union(PairFeature.drawn(in: b)).union(mutations.map(\.feature))
    }

    var needsOwnDatabase: Bool { !a.extensions.isEmpty || !b.extensions.isEmpty }

    /// A ready-to-commit corpus case: `Tests/Corpus/<dialect>/<name>/{before,after}.sql`.
    func corpusCase(name: String) -> String {
        let sql = PairSQL(dialect: dialect)
        let rows = sql.rows(a)
        var hints = ""
        let h = b.hints
        if h != PairHints() {
            let corpusHints = Corpus.Hints(
                tables: h.tables.isEmpty ? nil : h.tables, columns: h.columns.isEmpty ? nil : h.columns,
                backfills: h.backfills.isEmpty ? nil : h.backfills.mapValues { $0.mapValues { sql.value($0, row: 0, in: b) } },
                enumValues: h.enumValues.isEmpty ? nil : h.enumValues)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            hints = "\ncat > Tests/Corpus/\(dialect.rawValue)/\(name)/hints.json <<'JSON'\n" + String(decoding: try! encoder.encode(corpusHints), as: UTF8.self) + "\nJSON"
        }
        return """
        mkdir -p Tests/Corpus/\(dialect.rawValue)/\(name)
        cat > Tests/Corpus/\(dialect.rawValue)/\(name)/before.sql <<'SQL'
        \(sql.script(a))\(rows.isEmpty ? "" : "\n" + rows)
        SQL
        cat > Tests/Corpus/\(dialect.rawValue)/\(name)/after.sql <<'SQL'
        \(sql.script(b))
        SQL\(hints)
        """
    }
}
