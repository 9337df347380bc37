extension ColumnType {
    /// The most decimal digits a value of an integer type can have.
    private var integerDigits: Int? {
        switch self {
        case .smallint: return 5
        case .integer: return 10
        case .bigint: return 19
        default: return nil
        }
    }

    /// True when every value of this type converts to `target` unchanged, so a type change needs
    /// no check of the existing rows: integer widening, longer strings, text from strings, wider
    /// decimals, real to double. Anything else is checked row by row before it runs.
    public func convertsLosslessly(to target: ColumnType) -> Bool {
        if self == target { return true }
        switch (self, target) {
        case (.smallint, .integer), (.smallint, .bigint), (.integer, .bigint): return true
        case (.smallint, .real), (.smallint, .double), (.integer, .double), (.real, .double): return true
        case (.string(let a), .string(let b)): return b >= a
        case (.string, .text), (.enumeration, .text): return true
        case (.decimal(let p, let s), .decimal(let p2, let s2)): return s2 >= s && p2 - s2 >= p - s
        case (_, .decimal(let p, let s)):
            guard let digits = integerDigits else { return false }
            return p - s >= digits
        default: return false
        }
    }
}
