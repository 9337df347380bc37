@testable import Retort
import Testing

/// The order in which the canonicalizer tries the models' views in its scratch schema.
@Suite("Scratch schema: a view is tried after the models' views it names")
struct ScratchOrderTests {
    @Test("declared before what it reads, a view comes after it; unrelated and cyclic ones keep their order")
    func afterWhatTheyName() {
        let statements: [(name: String, sql: String)] = [
            ("top", "CREATE VIEW top AS SELECT * FROM \"Middle\""),
            ("unrelated", "CREATE VIEW unrelated AS SELECT 1"),
            ("Middle", "CREATE VIEW \"Middle\" AS SELECT * FROM base JOIN orders USING (id)"),
            ("base", "CREATE VIEW base AS SELECT id FROM orders"),
            ("x", "CREATE VIEW x AS SELECT * FROM y"),
            ("y", "CREATE VIEW y AS SELECT * FROM x"),
        ]
        let order = PostgresCanonicalizer.afterWhatTheyName(statements).map(\.name)
        #expect(order == ["unrelated", "base", "Middle", "top", "x", "y"])
    }
}
