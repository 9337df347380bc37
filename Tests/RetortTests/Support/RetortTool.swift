import Foundation
import Retort

/// The executables the test run uses.
enum RetortTool {
    /// The stand-alone `retort` built next to this test bundle (`scripts/test` builds every product first).
    static func path() throws -> String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let tool = dir.appendingPathComponent("retort").path
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw DatabaseError("\(tool) is missing: run 'swift build' before 'swift test' (scripts/test does)")
        }
        return tool
    }

    /// The fleet tests' migrate tool (`Tests/FleetFixture`), built next to this test bundle.
    static func fleetFixture() throws -> String {
        let tool = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("RetortFleetFixture").path
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw DatabaseError("\(tool) is missing: run 'swift build' before 'swift test' (scripts/test does)")
        }
        return tool
    }
}
