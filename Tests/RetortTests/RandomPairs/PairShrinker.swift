import Retort

/// Shrinks a failing pair: removes one change, one table, one column or one object of A at a time,
/// keeping each removal under which the pair still fails at the same stage, until none is left.
struct PairShrinker {
    /// Runs a pair (on the same dialect).
    let run: (RandomPair) -> PairOutcome

    func shrink(_ pair: RandomPair, stage: String, budget: Int = 200) -> (pair: RandomPair, outcome: PairOutcome, tries: Int) {
        var best = pair, outcome = run(pair), tries = 1
        var progress = true
        while progress, tries < budget {
            progress = false
            for candidate in candidates(best) where tries < budget {
                tries += 1
                let o = run(candidate)
                if o.stage == stage {
                    best = candidate
                    outcome = o
                    progress = true
                    break
                }
            }
        }
        return (best, outcome, tries)
    }

    /// Every pair one step smaller than `p`.
    func candidates(_ p: RandomPair) -> [RandomPair] {
        var out: [RandomPair] = []
        func with(_ change: (inout PairSchema) -> Void) {
            var q = p
            change(&q.a)
            q.a = q.a.normalized()
            if q.a != p.a.normalized() { out.append(q) }
        }
        for i in p.mutations.indices {
            var q = p
            q.mutations.remove(at: i)
            out.append(q)
        }
        for i in p.a.tables.indices { with { $0.tables.remove(at: i) } }
        for i in p.a.views.indices { with { $0.views.remove(at: i) } }
        for i in p.a.triggers.indices { with { $0.triggers.remove(at: i) } }
        for i in p.a.policies.indices { with { $0.policies.remove(at: i) } }
        for i in p.a.sequences.indices { with { $0.sequences.remove(at: i) } }
        for i in p.a.domains.indices { with { $0.domains.remove(at: i) } }
        for i in p.a.enums.indices { with { $0.enums.remove(at: i) } }
        for i in p.a.extensions.indices { with { $0.extensions.remove(at: i) } }
        for i in p.a.functions.indices where !p.a.triggers.contains(where: { $0.function == p.a.functions[i].name }) {
            with { $0.functions.remove(at: i) }
        }
        for (ti, t) in p.a.tables.enumerated() {
            for i in t.columns.indices.reversed() where t.partition?.column != t.columns[i].name { with { $0.tables[ti].columns.remove(at: i) } }
            for i in t.foreignKeys.indices { with { $0.tables[ti].foreignKeys.remove(at: i) } }
            for i in t.indexes.indices { with { $0.tables[ti].indexes.remove(at: i) } }
            for i in t.uniques.indices { with { $0.tables[ti].uniques.remove(at: i) } }
            for i in t.checks.indices { with { $0.tables[ti].checks.remove(at: i) } }
            if !t.primaryKey.isEmpty, t.partition == nil { with { $0.tables[ti].primaryKey = [] } }
            if t.comment != nil { with { $0.tables[ti].comment = nil } }
            for i in t.columns.indices {
                if t.columns[i].comment != nil { with { $0.tables[ti].columns[i].comment = nil } }
                if t.columns[i].defaultValue != nil { with { $0.tables[ti].columns[i].defaultValue = nil } }
                if t.columns[i].collation != nil { with { $0.tables[ti].columns[i].collation = nil } }
            }
        }
        if p.a.rows > 0 { with { $0.rows = 0 } }
        if p.a.rows > 2 { with { $0.rows = 2 } }
        return out
    }
}
