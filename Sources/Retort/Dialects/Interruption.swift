import Foundation

/// Stops a connection's work from another thread: the statement running is cancelled, and every
/// later statement fails at once, so a migration stops at the next step and its transaction is
/// rolled back (by the failure, or by the server when the connection closes). A fleet's
/// `--target-timeout` uses it; a non-transactional revision cut short resumes on the next run.
///
/// `@unchecked Sendable` is safe: `lock` guards `interrupted`, `closed` and every use of `cancel`,
/// and the connection calls `closing()` (under the same lock) before it frees what `cancel` uses.
public final class DatabaseInterrupter: @unchecked Sendable {
    private let lock = NSLock()
    private var interrupted = false
    private var closed = false
    private let cancel: () -> Void

    /// An interrupter that runs `cancel` (the dialect's way to stop a running statement) once.
    init(cancel: @escaping () -> Void) { self.cancel = cancel }

    /// Cancels the running statement, if any, and makes every later one fail.
    public func interrupt() {
        lock.withLock {
            guard !interrupted else { return }
            interrupted = true
            if !closed { cancel() }
        }
    }

    /// True once `interrupt` was called.
    public var isInterrupted: Bool { lock.withLock { interrupted } }

    /// Throws when the connection was interrupted (checked before each statement).
    func check() throws {
        if isInterrupted { throw DatabaseError("interrupted: the connection's work was stopped", code: DatabaseError.interrupted) }
    }

    /// The connection is about to free its handle: `cancel` must not run after this.
    func closing() { lock.withLock { closed = true } }
}

extension DatabaseError {
    /// The code of a statement refused because the connection was interrupted.
    public static let interrupted = "retort-interrupted"
}

/// A connection whose work another thread can stop (`DatabaseInterrupter`).
public protocol InterruptibleConnection: DatabaseConnection {
    /// The connection's interrupter (the same one each time).
    var interrupter: DatabaseInterrupter { get }
}
