import ArgumentParser
import Foundation
import Retort

/// The stand-alone `retort` executable: the commands that need no models.
public struct StandaloneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "retort",
        abstract: "Retort commands that need no models (a project's own migrate tool has the rest).",
        subcommands: [DiffCommand.self, ReflectCommand.self, TransferCommand.self]
    )

    public init() {}
}
