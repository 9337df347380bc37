/// One value read from the source database, as its storage class holds it. Text and blob bytes
/// are borrowed from the reader and valid only until it moves to the next row.
enum SourceCell {
    case null
    case integer(Int64)
    case real(Double)
    case text(UnsafeRawBufferPointer)
    case blob(UnsafeRawBufferPointer)

    /// The value as a report shows it: text as text (invalid UTF-8 repaired for display only),
    /// a blob as `x'…'` hex, at most 200 characters.
    var display: String {
        let full: String
        switch self {
        case .null: return "NULL"
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .text(let b): full = String(decoding: b, as: UTF8.self)
        case .blob(let b): full = "x'" + CopyText.hex(b) + "'"
        }
        return full.count > 200 ? String(full.prefix(200)) + "…" : full
    }

    /// The SQLite storage class name, for messages.
    var storageClass: String {
        switch self {
        case .null: return "null"
        case .integer: return "integer"
        case .real: return "real"
        case .text: return "text"
        case .blob: return "blob"
        }
    }
}

/// PostgreSQL's COPY text format: one line a row, tab-separated fields, `\N` for NULL, and
/// backslash, newline, carriage return and tab escaped inside a field.
enum CopyText {
    static let null: [UInt8] = Array("\\N".utf8)
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")

    /// Appends bytes, escaped for a COPY text field.
    static func appendEscaped(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var start = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b == 0x5C || b == 0x0A || b == 0x0D || b == 0x09 else { continue }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
            out.append(0x5C)
            out.append(b == 0x5C ? 0x5C : b == 0x0A ? UInt8(ascii: "n") : b == 0x0D ? UInt8(ascii: "r") : UInt8(ascii: "t"))
            start = i + 1
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count]))
    }

    /// Appends a string (which must need no escaping: numbers, dates, hex).
    static func appendPlain(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// Bytes as lower-case hexadecimal.
    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Undoes `appendEscaped` on one field of a line COPY … TO wrote.
    static func unescape(_ bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x5C, i + 1 < bytes.count {
                let n = bytes[i + 1]
                switch n {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "v"): out.append(0x0B)
                default: out.append(n)
                }
                i += 2
            } else {
                out.append(b)
                i += 1
            }
        }
    }
}

/// UTF-8 checks on borrowed bytes.
enum UTF8Bytes {
    /// True when the bytes are valid UTF-8 (fast path for ASCII).
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if !bytes.contains(where: { $0 >= 0x80 }) { return true }
        return String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) != nil
    }

    /// The number of characters (Unicode scalars, as PostgreSQL counts `varchar(n)`).
    static func scalarCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
