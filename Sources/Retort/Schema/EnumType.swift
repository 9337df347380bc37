/// An enum type as a schema object of its own (PostgreSQL), for types no column uses.
public struct EnumType: Hashable, Sendable, Codable {
    /// The type's name.
    public var name: String
    /// The values, in their order.
    public var values: [String]

    /// An enum type with its values in order.
    public init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = values
    }
}
