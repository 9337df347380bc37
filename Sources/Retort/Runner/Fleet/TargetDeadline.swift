import Foundation

/// A fleet target's time limit (`FleetPolicy.targetTimeout`): once it passes, the target's
/// connection is interrupted, so the revision running is rolled back and the job fails at its
/// next statement.
final class TargetDeadline {
    private let item: DispatchWorkItem
    private let interrupter: DatabaseInterrupter
    /// The limit, in seconds.
    let seconds: TimeInterval

    /// Starts the clock for `connection`; nil without a limit or for a connection that cannot be interrupted.
    init?(_ seconds: TimeInterval?, _ connection: any DatabaseConnection) {
        guard let seconds, let interrupter = (connection as? any InterruptibleConnection)?.interrupter else { return nil }
        self.seconds = seconds
        self.interrupter = interrupter
        item = DispatchWorkItem { interrupter.interrupt() }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
    }

    /// True when the limit passed and the connection was interrupted.
    var passed: Bool { interrupter.isInterrupted }

    /// Stops the clock (the job finished).
    func cancel() { item.cancel() }

    /// What the target's failure says when the limit passed.
    var message: String { "timed out after \(Self.format(seconds)) s (--target-timeout); the revision running was rolled back" }

    private static func format(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
