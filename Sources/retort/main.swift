import Foundation
import RetortCLI

// The stand-alone `retort` executable: commands that need no user package.
exit(CommandRunner.run(StandaloneCommand.self, arguments: Array(CommandLine.arguments.dropFirst())))
