import ArgumentParser
import Foundation
import Retort

struct Split: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite a multi-table revision as a chain of per-table revisions, in dependency order.",
        discussion: "Databases already at the old revision are recognised as being at the end of the new chain.")

    @Argument(help: "The revision to split (an id or unique prefix).")
    var revision: String

    func run() throws {
        let project = try Project()
        let split = try RevisionSplit(revision, in: project.graph)
        let files = RevisionFiles(directory: URL(fileURLWithPath: project.tool.revisions.directory))
        let oldFile = try files.file(for: split.old.id)
        let writer = try project.writer()
        // Render everything before touching a file, so a failure leaves the folder as it was.
        let rendered = try split.revisions.map { ($0, try writer.render($0)) }
        for (revision, _) in rendered { Console.out(try writer.write(revision).path) }
        for child in split.children {
            try files.replaceParent(of: child, split.old.id, with: split.revisions.last!.id)
        }
        try FileManager.default.removeItem(at: oldFile)
        Console.info("split \(split.old.id) into \(split.revisions.count) revisions; removed \(oldFile.lastPathComponent)")
    }
}
