import Foundation
import Retort
import Testing

/// The article "Wiring Retort into your package", built as written: its code blocks are
/// the files of a fresh package (the one substitution: the package URL becomes this checkout's
/// path). The migrate tool writes the first revision, the app applies it at start-up, and
/// `check` finds the database equal to the models.
@Suite("Wiring article: the documented package builds and runs as written", .serialized)
struct ReadmeWiringTests {
    /// The section's Swift blocks as (path, text): a manifest, or a block whose first line names
    /// its file (`// Sources/…`).
    static func files() throws -> [(String, String)] {
        let article = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/Retort/Retort.docc/WiringRetort.md"), encoding: .utf8)
        guard let start = article.range(of: "## Overview") else { return [] }
        let section = article[start.upperBound...].components(separatedBy: "\n## ")[0]
        var files: [(String, String)] = []
        for block in section.components(separatedBy: "```swift\n").dropFirst() {
            let text = block.components(separatedBy: "\n```")[0] + "\n"
            let first = text.prefix { $0 != "\n" }
            if first.hasPrefix("// swift-tools-version") {
                files.append(("Package.swift", text))
            } else if first.hasPrefix("// Sources/") {
                files.append((String(first.dropFirst(3)), text))
            }
        }
        return files
    }

    @Test("manifest, models, migrate tool and app from the wiring article: build, autogen, the app migrates at start, check is clean")
    func wiring() throws {
        let files = try Self.files()
        #expect(files.map(\.0) == [
            "Package.swift", "Sources/TiendaSchema/Models.swift", "Sources/migrate/main.swift", "Sources/tienda/main.swift",
        ])
        let work = repositoryRoot.appendingPathComponent(".build-e2e/readme")
        let fm = FileManager.default
        try? fm.removeItem(at: work.appendingPathComponent("Sources"))
        try? fm.removeItem(at: work.appendingPathComponent(".retort"))
        try? fm.removeItem(at: work.appendingPathComponent(".build/debug.yaml"))
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        let dependency = ".package(url: \"https://github.com/…/retort\", from: \"0.1.0\")"
        for (path, text) in files {
            var text = text
            if path == "Package.swift" {
                #expect(text.contains(dependency))
                text = text.replacingOccurrences(of: dependency, with: ".package(name: \"retort\", path: \"\(repositoryRoot.path)\")")
            }
            let url = work.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try ExamplePackages.build(work)
        let migrate = work.appendingPathComponent(".build/debug/migrate").path
        // The embedded development database is created by upgrade; autogen then compares with it.
        var r = try runProcess(migrate, ["upgrade", "head"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try runProcess(migrate, ["autogen", "-m", "initial"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Sources/TiendaSchema/Revisions/"))
        try ExamplePackages.build(work)

        let db = try TestDatabase.make(.sqlite)
        r = try runProcess(work.appendingPathComponent(".build/debug/tienda").path, [], environment: ["DATABASE_URL": db.url.description])
        #expect(r.status == 0 && r.stdout.contains("serving"), "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("initial"), "the migration is logged: \(r.stderr)")
        r = try runProcess(migrate, ["check", "--url", db.url.description])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }
}
