import Foundation
import Logging

/// Migrates an application's tenants: every tenant before serving, or one tenant when it is
/// created. Unlike `StartupMigrator`, one failing tenant does not keep the others down: the report
/// says per tenant whether it is at head, so the application serves the healthy ones and refuses
/// the others.
///
/// ```swift
/// let report = await FleetMigrator(targets: tenants, revisions: retortRevisions.revisions, logger: logger).run()
/// let serving = Set(report.results.filter { $0.to == heads }.map(\.target))
/// ```
public struct FleetMigrator: Sendable {
    /// The tenants.
    public var targets: [FleetTarget]
    /// The application's revisions.
    public var revisions: [any Revision.Type]
    /// Timeouts for each tenant's session.
    public var settings: SessionSettings
    /// How many tenants at once, and when to stop starting new ones (`maxFailures`; by default
    /// never: every tenant is tried).
    public var policy: FleetPolicy
    /// Where each tenant's outcome is logged.
    public var logger: Logger

    /// A migrator of `targets` to the head of `revisions`.
    public init(
        targets: [FleetTarget], revisions: [any Revision.Type], settings: SessionSettings = .init(),
        policy: FleetPolicy = FleetPolicy(parallel: 4, maxFailures: Int.max), logger: Logger = Logger(label: "retort")
    ) {
        self.targets = targets
        self.revisions = revisions
        self.settings = settings
        self.policy = policy
        self.logger = logger
    }

    /// Brings every tenant to head, on threads of their own (the calling task is suspended, not
    /// blocked); returns one result per tenant, in order.
    public func run() async throws -> FleetReport {
        try await migrate(targets)
    }

    /// Brings one tenant to head (a tenant just created); throws when it cannot be.
    @discardableResult
    public func migrate(_ target: FleetTarget) async throws -> FleetResult {
        let result = try await migrate([target]).results[0]
        guard result.status == .done || result.status == .unchanged else {
            throw StartupMigrationError(description: "cannot bring \(target.name) to head: \(result.error ?? result.status.rawValue)")
        }
        return result
    }

    private func migrate(_ targets: [FleetTarget]) async throws -> FleetReport {
        let graph = try RevisionGraph(revisions.map(RevisionInfo.init))
        let (settings, policy, logger) = (self.settings, self.policy, self.logger)
        return try await BlockingThread.run {
            FleetMigration(graph: graph, settings: settings, policy: policy).upgrade(targets) { result in
                let metadata: Logger.Metadata = ["status": .string(result.status.rawValue), "at": .string(result.to.joined(separator: ","))]
                if let error = result.error {
                    logger.error("\(result.target): \(error)", metadata: metadata)
                } else {
                    logger.info("\(result.target) at \(result.to.isEmpty ? "base" : result.to.joined(separator: ", "))", metadata: metadata)
                }
            }
        }
    }
}
