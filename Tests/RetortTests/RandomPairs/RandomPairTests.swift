import Foundation
import Retort
import Testing

/// Random schema pairs on both dialects (differential testing against the databases themselves):
/// see `PairRunner` for what each pair must satisfy. `scripts/test` runs a fixed set of seeds;
/// `scripts/random-pairs` runs as many as asked from a printed seed.
///
/// Environment: `RETORT_PAIRS` (pairs per dialect, default 100), `RETORT_PAIRS_SEED` (first seed,
/// default 1), `RETORT_PAIRS_DIALECTS` (`sqlite,postgres`), `RETORT_PAIRS_REPORT` (a file each
/// pair's outcome is appended to), `RETORT_PAIRS_SHRINK` (`0` to report failures unshrunk).
@Suite("Random schema pairs")
struct RandomPairTests {
    static let environment = ProcessInfo.processInfo.environment
    static let count = Int(environment["RETORT_PAIRS"] ?? "") ?? 100
    static let firstSeed = UInt64(environment["RETORT_PAIRS_SEED"] ?? "") ?? 1
    static let dialects: [DialectName] = (environment["RETORT_PAIRS_DIALECTS"] ?? "sqlite,postgres")
        .split(separator: ",").compactMap { DialectName(rawValue: String($0)) }

    /// The seeds, in chunks the test runner can run side by side.
    static let chunks: [PairChunk] = dialects.flatMap { d in
        stride(from: 0, to: count, by: 10).map { PairChunk(dialect: d, first: firstSeed + UInt64($0), count: min(10, count - $0)) }
    }

    @Test("every feature the generator lists is drawn on each dialect")
    func everyFeatureDrawn() {
        for dialect in [DialectName.sqlite, .postgres] {
            var drawn = Set<PairFeature>()
            for seed in 1...4000 { drawn.formUnion(RandomPair.draw(dialect, seed: UInt64(seed)).features) }
            let missing = PairFeature.all(dialect).subtracting(drawn).map(\.rawValue).sorted()
            #expect(missing.isEmpty, "\(dialect.rawValue): never drawn in 4,000 seeds: \(missing)")
        }
    }

    @Test("the same seed draws the same pair; B is A with the changes replayed")
    func deterministic() throws {
        for seed in UInt64(1)...50 {
            let p = RandomPair.draw(.postgres, seed: seed), q = RandomPair.draw(.postgres, seed: seed)
            #expect(p.a == q.a && p.mutations == q.mutations)
            let sql = PairSQL(dialect: .postgres)
            #expect(sql.script(p.b) == sql.script(q.b))
            // A pair survives a trip through JSON, as the shrinker's printed cases rely on.
            let decoded = try JSONDecoder().decode(RandomPair.self, from: try JSONEncoder().encode(p))
            #expect(decoded.a == p.a && decoded.mutations == p.mutations)
        }
    }

    @Test("the documented refusals are read from Refusals.md, and only those match")
    func refusalsRead() {
        let r = Refusals.documented
        #expect(r.entries.count >= 10)
        #expect(r.match("cannot change t.c from date to integer: PostgreSQL has no cast between them; write the conversion", when: "autogen") != nil)
        #expect(r.match("upgrade of revision r1 (b) failed and was rolled back: invalid input syntax for type integer: \"abc\"", when: "upgrade") != nil)
        #expect(r.match("column \"c\" of relation \"t\" contains null values", when: "downgrade") != nil)
        #expect(r.match("column \"c\" of relation \"t\" contains null values", when: "upgrade") == nil)
        #expect(r.match("syntax error at or near \"(\"", when: "upgrade") == nil)
        #expect(r.match("relation \"t\" does not exist", when: "autogen") == nil)
    }

    @Test("seeded pairs: reference, autogen, upgrade, second diff, rows, --sql, downgrade", arguments: chunks)
    func seeded(_ chunk: PairChunk) throws {
        if chunk.dialect == .postgres { _ = try PostgresServer.url() }
        for seed in chunk.first..<(chunk.first + UInt64(chunk.count)) {
            let pair = RandomPair.draw(chunk.dialect, seed: seed)
            let outcome = PairRunner(pair: pair).run()
            Self.report(pair, outcome)
            switch outcome {
            case .passed, .refused: continue
            case .invalid(let m):
                Issue.record("\(chunk.dialect.rawValue) seed \(seed): the generator drew SQL the database refuses: \(m)\n\(PairSQL(dialect: chunk.dialect).script(pair.a))\n---\n\(PairSQL(dialect: chunk.dialect).script(pair.b))")
            case .failed(let stage, let message):
                var text = "\(chunk.dialect.rawValue) seed \(seed) failed at \(stage): \(message.prefix(4000))"
                if Self.environment["RETORT_PAIRS_SHRINK"] != "0" {
                    let small = PairShrinker { PairRunner(pair: $0).run() }.shrink(pair, stage: stage)
                    text += "\n\nshrunk in \(small.tries) runs to \(small.pair.mutations.count) change(s): \(small.outcome)\n"
                        + "changes: \(small.pair.mutations)\n\ncorpus case:\n" + small.pair.corpusCase(name: "random_\(chunk.dialect.rawValue)_\(seed)")
                }
                Issue.record(Comment(rawValue: text))
            }
        }
    }

    /// `RETORT_PAIR_SHOW=postgres:17` prints that pair (A's SQL, the changes, B's SQL) and runs it.
    @Test("one pair, shown", .enabled(if: environment["RETORT_PAIR_SHOW"] != nil))
    func show() throws {
        let parts = (Self.environment["RETORT_PAIR_SHOW"] ?? "").split(separator: ":")
        let dialect = try #require(DialectName(rawValue: String(parts.first ?? "")))
        let seed = try #require(UInt64(parts.last ?? ""))
        let pair = RandomPair.draw(dialect, seed: seed)
        let sql = PairSQL(dialect: dialect)
        print("-- A\n\(sql.script(pair.a))\n\(sql.rows(pair.a))\n-- changes\n\(pair.mutations.map { "-- \($0)" }.joined(separator: "\n"))\n-- B\n\(sql.script(pair.b))\n-- hints \(pair.b.hints)")
        print("outcome: \(PairRunner(pair: pair).run())")
    }

    static func report(_ pair: RandomPair, _ outcome: PairOutcome) {
        guard let path = environment["RETORT_PAIRS_REPORT"] else { return }
        let kind = switch outcome {
        case .passed: "passed"
        case .refused: "refused"
        case .invalid: "invalid"
        case .failed: "failed"
        }
        let line = "\(pair.dialect.rawValue)\t\(pair.seed)\t\(kind)\t\(outcome.description.split(separator: "\n").first ?? "")\n"
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    }
}

struct PairChunk: Sendable, CustomTestStringConvertible {
    var dialect: DialectName
    var first: UInt64
    var count: Int
    var testDescription: String { "\(dialect.rawValue) seeds \(first)–\(first + UInt64(count) - 1)" }
}
