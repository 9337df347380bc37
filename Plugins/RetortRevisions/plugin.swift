import Foundation
import PackagePlugin

/// Lists a target's revision files (`<target>/Revisions/*.swift`) at build time, so adding a
/// revision needs no edit anywhere else. It generates `retortRevisions`, a `RevisionSet`.
@main
struct RetortRevisions: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let directory = target.directoryURL.appending(path: "Revisions")
        let prefix = directory.path + "/"
        let files = target.sourceFiles(withSuffix: "swift").map(\.url).filter { $0.path.hasPrefix(prefix) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "RetortRevisions.swift")
        return [
            .buildCommand(
                displayName: "Listing \(files.count) Retort revision(s) of \(target.name)",
                executable: try context.tool(named: "RetortRegistryTool").url,
                arguments: [output.path, directory.path, context.package.directoryURL.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
