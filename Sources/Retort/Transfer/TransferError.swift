/// A transfer that cannot start or must stop: bad input, a target that is not empty, or too many
/// rejected rows. (A verification that finds a difference is a report, not an error.)
public struct TransferError: Error, CustomStringConvertible, Sendable {
    public var description: String

    /// An error with a one-line message.
    public init(_ description: String) {
        self.description = description
    }
}
