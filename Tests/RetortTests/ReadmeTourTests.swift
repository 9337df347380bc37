import Foundation
import Retort
import Testing

/// The shell blocks of the README and of the DocC articles, run as written, document after
/// document in `documents`' order (the order the stories build on each other): each block runs
/// from the checkout's root unless the HTML comment just before it says otherwise —
/// `<!-- test: cwd=DIR -->` runs it from that folder, `<!-- test: not-run: REASON -->` says why it
/// cannot run here, `<!-- test: except=COMMAND: REASON -->` leaves out the lines of one command —
/// each in a bash that stops at its first failing command. The comment is invisible on GitHub and
/// in DocC. They work on scratch copies (`scripts/example-copy`), so the checkout (and every other
/// test) sees the examples as committed.
@Suite("README and articles: every shell block runs as written, on scratch copies", .serialized)
struct ReadmeTourTests {
    /// The documents whose shell blocks run, in order: the README, then every article.
    static let documents = ["README.md"] + [
        "CommandLine", "TeamWorkflow", "StartupMigration", "FluentMigrations", "SafePlans", "NonTransactionalRevisions", "Lint", "Refusals",
        "RollingBack", "Verify", "Baselines", "SQLiteToPostgreSQL", "Benchmarks", "DeclaringModels", "WiringRetort", "Contributing",
    ].map { "Sources/Retort/Retort.docc/\($0).md" }

    struct Block {
        var document: String
        var line: Int
        var cwd: String?
        var notRun: String?
        /// A command whose lines the test leaves out, with the reason (`except=scripts/test: …`).
        var except: (command: String, reason: String)?
        var body: String
    }

    /// Every ```sh and ```bash block of every document, with what the comment before it says.
    static func shellBlocks() throws -> [Block] {
        try documents.flatMap { try shellBlocks(in: $0) }
    }

    /// Every ```sh and ```bash block of one document.
    static func shellBlocks(in document: String) throws -> [Block] {
        let lines = try String(contentsOf: repositoryRoot.appendingPathComponent(document), encoding: .utf8)
            .components(separatedBy: "\n")
        var blocks: [Block] = []
        var i = 0
        while i < lines.count {
            let fence = lines[i]
            guard fence == "```sh" || fence == "```bash" else {
                i += 1
                continue
            }
            let comment = i > 0 ? lines[i - 1].trimmingCharacters(in: .whitespaces) : ""
            let info = comment.hasPrefix("<!-- test:") && comment.hasSuffix("-->")
                ? comment.dropFirst("<!-- test:".count).dropLast("-->".count).trimmingCharacters(in: .whitespaces) : ""
            var block = Block(document: document, line: i + 1, body: "")
            if info.hasPrefix("not-run:") { block.notRun = String(info.dropFirst("not-run:".count)).trimmingCharacters(in: .whitespaces) }
            if info.hasPrefix("cwd=") { block.cwd = String(info.dropFirst("cwd=".count)) }
            if info.hasPrefix("except="), let colon = info.firstIndex(of: ":") {
                let command = info[info.index(info.startIndex, offsetBy: "except=".count)..<colon]
                block.except = (String(command), info[info.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            i += 1
            while i < lines.count, !lines[i].hasPrefix("```") {
                if let except = block.except, lines[i].hasPrefix(except.command) {
                    i += 1
                    continue
                }
                block.body += lines[i] + "\n"
                i += 1
            }
            blocks.append(block)
            i += 1
        }
        return blocks
    }

    @Test("every shell block runs, or its fence says why not")
    func accounted() throws {
        let blocks = try Self.shellBlocks()
        #expect(blocks.count >= 10)
        // The first block holds the two set-up commands; the test runs the demo, not itself.
        #expect(blocks.first?.body.hasPrefix("scripts/demo") == true && blocks.first?.except?.command == "scripts/test")
        for b in blocks {
            #expect(b.notRun.map { !$0.isEmpty } ?? true, "\(b.document) line \(b.line): not-run needs a reason")
            #expect(b.except.map { !$0.reason.isEmpty && !$0.command.isEmpty } ?? true, "\(b.document) line \(b.line): except needs a command and a reason")
            #expect(b.cwd.map { !$0.contains("..") && !$0.hasPrefix("/") } ?? true, "\(b.document) line \(b.line): cwd inside the checkout")
        }
        // Every article is in the list, so none of its blocks goes untested.
        let articles = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Sources/Retort/Retort.docc").path)
            .filter { $0.hasSuffix(".md") && $0 != "Retort.md" }.map { "Sources/Retort/Retort.docc/\($0)" }
        #expect(Set(articles) == Set(Self.documents.dropFirst()), "documents: \(articles.sorted())")
        // A fence with words after the language is DocC's syntax, not the test's: it would be ignored here.
        for document in Self.documents {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent(document), encoding: .utf8)
            #expect(!text.contains("```sh ") && !text.contains("```bash "), "\(document): put test directives in a <!-- test: … --> comment")
        }
        #expect(blocks.filter { $0.notRun == nil }.count >= 8)
    }

    @Test("the blocks run in order and succeed; examples/ is left as committed")
    func run() throws {
        let blocks = try Self.shellBlocks().filter { $0.notRun == nil }
        let before = try runProcess("/usr/bin/env", ["git", "-C", repositoryRoot.path, "status", "--porcelain", "--", "examples"])
        // The migration story's "empty PostgreSQL database of yours".
        let pg = try TestDatabase.make(.postgres)
        // The copies the blocks make build in their own `.build`, as a user's would (a build folder
        // reached by two paths confuses the compiler's module cache, so they cannot share the tests').
        var r = ProcessResult(status: 0, stdout: "", stderr: "")
        try runBlocks(blocks, &r, pg: pg)
        try checkOutput(r, before: before)
    }

    func runBlocks(_ blocks: [Block], _ r: inout ProcessResult, pg: TestDatabase) throws {
        for b in blocks {
            let dir = repositoryRoot.appendingPathComponent(b.cwd ?? "").path
            let one = try runProcess(
                "/bin/bash", ["-euo", "pipefail", "-c", "cd \"$0\"\n" + b.body, dir], environment: ["DATABASE_URL": "", "PG_URL": pg.url.description])
            r.stdout += one.stdout
            r.stderr += one.stderr
            try #require(one.status == 0, "the block at \(b.document) line \(b.line) failed (exit \(one.status)):\n\(b.body)\n\(one.stdout.suffix(3000))\n\(one.stderr.suffix(5000))")
        }
    }

    func checkOutput(_ r: ProcessResult, before: ProcessResult) throws {
        // What the tour and the migration story say they show.
        #expect(r.stdout.contains("_add_vence_en.swift"), "\(r.stdout.suffix(2000))")
        #expect(r.stderr.contains("applied ") && r.stderr.contains("reverted ") && r.stderr.contains("no branches"), "\(r.stderr.suffix(3000))")
        #expect(r.stdout.contains("ALTER TABLE"), "the --sql step printed SQL")
        #expect(r.stdout.contains("variations") && r.stdout.contains("executions"), "the transfer printed its table")
        #expect(r.stdout.contains("3 at ") && r.stdout.contains("(head)"), "the fleet's histogram: \(r.stdout.suffix(2000))")
        let revisions = try FileManager.default.contentsOfDirectory(
            atPath: repositoryRoot.appendingPathComponent(".build-demo/tareas/Sources/TareasSchema/Revisions").path)
        #expect(revisions.contains { $0.hasSuffix("_add_vence_en.swift") } && revisions.contains { $0.hasSuffix("_backfill_x.swift") })
        let after = try runProcess("/usr/bin/env", ["git", "-C", repositoryRoot.path, "status", "--porcelain", "--", "examples"])
        #expect(after.stdout == before.stdout, "the README's blocks changed examples/: \(after.stdout)")
    }
}
