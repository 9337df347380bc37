import Foundation

/// Blocking work — libpq and SQLite calls, lock polling with `usleep` — on threads of its own,
/// never on Swift's cooperative pool: that pool has as many threads as cores, and a task blocked in
/// a database call would hold one of them (two here) while other tasks wait.
public enum BlockingThread {
    /// Runs `work` on a new thread and returns its result; the awaiting task is suspended, so its
    /// pool thread is free meanwhile.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = "retort-blocking"
            thread.start()
        }
    }

    /// Starts `work` on a new thread with `input` handed over to it, and returns at once; the
    /// handoff's `wait()` returns what it produced. Neither the input nor the result need be
    /// `Sendable`: each moves from one thread to the other once (a connection opened on one
    /// thread and used on the other), never shared.
    public static func start<Input, T>(with input: Input, _ work: @escaping @Sendable (Input) throws -> T) -> Handoff<T> {
        let handoff = Handoff<T>()
        let given = Handoff<Input>()
        given.put(.success(input))
        let thread = Thread {
            handoff.put(Result { try work(try given.wait()) })
        }
        thread.name = "retort-blocking"
        thread.start()
        return handoff
    }

    /// Starts `work` on a new thread and returns at once; the handoff's `wait()` returns its result.
    public static func start<T>(_ work: @escaping @Sendable () throws -> T) -> Handoff<T> {
        start(with: ()) { _ in try work() }
    }
}

/// A value made on one thread and handed to the one thread that waits for it.
///
/// `@unchecked Sendable` is safe: `result` is written once, by `put`, before the semaphore is
/// signalled, and read only in `wait`, after the signal (the semaphore orders the write before
/// the read); one thread puts and one thread waits, so the value is never used by two at once.
public final class Handoff<T>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    fileprivate func put(_ value: Result<T, any Error>) {
        result = value
        ready.signal()
    }

    /// Waits for the value (once).
    public func wait() throws -> T {
        ready.wait()
        return try result!.get()
    }
}
