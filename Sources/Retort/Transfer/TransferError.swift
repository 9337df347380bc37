/// A transfer that cannot start or must stop: bad input, a target that is not empty, too many
/// rejected rows, or a verification that found a difference.
public struct TransferError: Error, CustomStringConvertible, Sendable {
    public var description: String
    /// True when the copy finished but verification found a difference.
    public var isMismatch: Bool

    /// An error with a one-line message.
    public init(_ description: String, isMismatch: Bool = false) {
        self.description = description
        self.isMismatch = isMismatch
    }
}
