/// A hash that is the same in every process and on every machine (64-bit FNV-1a).
///
/// Swift's `Hasher` is seeded per process, so it cannot name things that are written to files.
public enum StableHash {
    /// The hash of a string's UTF-8 bytes.
    public static func value(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash as 16 lower-case hexadecimal digits.
    public static func hex(_ text: String) -> String {
        let h = String(value(text), radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }
}
