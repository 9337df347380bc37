import Foundation
import Testing

/// The README's tour, run as written: its shell blocks, in order, from the checkout's root, as one
/// bash script that stops at the first failing command. It works on a scratch copy of
/// examples/tareas, so the checkout (and every other test) sees the example as committed.
@Suite("README: the tour runs as written, on a scratch copy", .serialized)
struct ReadmeTourTests {
    /// The shell blocks of one README section, in order.
    static func shellBlocks(section heading: String) throws -> [String] {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "\n## \(heading)\n") else { return [] }
        let section = readme[start.upperBound...].components(separatedBy: "\n## ")[0]
        return section.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] + "\n" }
    }

    @Test("every command of the tour succeeds; examples/ is left as committed")
    func tour() throws {
        let blocks = try Self.shellBlocks(section: "A tour")
        #expect(blocks.count == 2)
        #expect(blocks.joined().contains("swift run tareas autogen"))
        let fm = FileManager.default
        let work = repositoryRoot.appendingPathComponent(".build-tour/tareas")
        try? fm.removeItem(at: work.appendingPathComponent("Sources"))
        let before = try runProcess("/usr/bin/env", ["git", "-C", repositoryRoot.path, "status", "--porcelain", "--", "examples"])
        let script = "set -euo pipefail\ncd \(repositoryRoot.path)\n" + blocks.joined()
        let r = try runProcess("/bin/bash", ["-c", script], environment: ["DATABASE_URL": ""])
        #expect(r.status == 0, "the tour stopped:\n\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("_add_vence_en.swift"), "\(r.stdout)")
        #expect(r.stderr.contains("applied ") && r.stderr.contains("reverted ") && r.stderr.contains("no branches"), "\(r.stderr)")
        #expect(r.stdout.contains("ALTER TABLE"), "the --sql step printed SQL: \(r.stdout)")
        let revisions = try fm.contentsOfDirectory(atPath: work.appendingPathComponent("Sources/TareasSchema/Revisions").path)
        #expect(revisions.contains { $0.hasSuffix("_add_vence_en.swift") } && revisions.contains { $0.hasSuffix("_backfill_x.swift") })
        let after = try runProcess("/usr/bin/env", ["git", "-C", repositoryRoot.path, "status", "--porcelain", "--", "examples"])
        #expect(after.stdout == before.stdout, "the tour changed examples/: \(after.stdout)")
    }
}
