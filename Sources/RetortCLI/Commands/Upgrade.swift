import ArgumentParser
import Retort

struct Upgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply revisions up to a target: head, heads, a revision id or prefix, +N, or <rev>+N.")

    @Argument(help: "The target; with --sql, FROM:TARGET starts from FROM instead of base.")
    var target: String = "head"

    @OptionGroup var options: MigrationOptions

    func run() throws {
        try options.run(offline: { try $0.upgrade(target) }, rollout: { $0.upgrade($1, to: target, finished: $2) }) { migrator in
            try migrator.upgrade(to: target, acceptChanged: options.acceptChanged)
        }
    }
}
