import ArgumentParser
import Retort

struct Downgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Revert revisions down to a target: base, a revision id or prefix, -N, or <rev>-N.")

    @Argument(parsing: .allUnrecognized, help: "The target; with --sql, FROM:TARGET (e.g. head:-1).")
    var targets: [String] = []

    var target: String { targets.first ?? "" }

    func validate() throws {
        guard targets.count == 1 else {
            throw ValidationError("downgrade takes exactly one target, e.g. -1, base or a revision id")
        }
    }

    @OptionGroup var options: MigrationOptions

    @Flag(help: "Drop tables and columns that hold rows without a --backup (refused otherwise, naming them).")
    var acceptDataLoss = false

    func run() throws {
        let refuseDataLoss = !acceptDataLoss
        try options.run(
            offline: { try $0.downgrade(target) },
            rollout: { $0.downgrade($1, to: target, refuseDataLoss: refuseDataLoss, finished: $2) }
        ) { migrator in
            if !acceptDataLoss, options.backup == nil {
                let risks = try migrator.dataAtRisk(downgradingTo: target)
                guard risks.isEmpty else { throw DataLossError(target: target, risks: risks) }
            }
            return try migrator.downgrade(to: target, acceptChanged: options.acceptChanged)
        }
    }
}
