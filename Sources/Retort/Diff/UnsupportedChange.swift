/// A change the database could not carry out as generated (no cast, a dependent view): refused
/// before any SQL runs, with what to do instead.
public struct UnsupportedChange: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
