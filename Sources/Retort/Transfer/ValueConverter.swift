import Foundation

/// Converts one source value to the text PostgreSQL's COPY reads for a target column, following
/// the target column's type rather than SQLite's loose storage (see docs/transfer.md). A value it
/// cannot convert exactly is never changed: `append` returns why, and the row is rejected.
struct ValueConverter {
    /// What the target column holds, as far as conversion cares.
    enum Kind: Equatable {
        case integer(min: Int64, max: Int64)
        case boolean
        case float(single: Bool)
        case decimal(precision: Int, scale: Int)
        case text(maxLength: Int?)
        case enumeration([String])
        case uuid
        case json
        case blob
        case date
        case timestamp(zoned: Bool)
        /// Any other native type: the source's text, which PostgreSQL parses.
        case other(String)
    }

    let kind: Kind
    let nullable: Bool
    /// The zone of date-times that name none, when they go into `timestamptz` (nil: UTC).
    let zone: TimeZone?

    /// A converter for a target column.
    init(column: Column, zone: TimeZone?) {
        self.nullable = column.nullable
        self.zone = zone.flatMap { $0.identifier == "UTC" || $0.identifier == "GMT" ? nil : $0 }
        self.kind = Self.kind(of: column.type)
    }

    static func kind(of type: ColumnType) -> Kind {
        switch type {
        case .smallint: return .integer(min: Int64(Int16.min), max: Int64(Int16.max))
        case .integer: return .integer(min: Int64(Int32.min), max: Int64(Int32.max))
        case .bigint: return .integer(min: .min, max: .max)
        case .boolean: return .boolean
        case .real: return .float(single: true)
        case .double: return .float(single: false)
        case .decimal(let p, let s): return .decimal(precision: p, scale: s)
        case .text: return .text(maxLength: nil)
        case .string(let n): return .text(maxLength: n)
        case .enumeration(_, let values): return .enumeration(values)
        case .uuid: return .uuid
        case .json: return .json
        case .blob: return .blob
        case .date: return .date
        case .timestamp(let tz): return .timestamp(zoned: tz)
        case .native(let s): return .other(s)
        }
    }

    /// True when numbers should reach `append` as the source's own text of them (SQLite's
    /// conversion), because the target keeps text.
    var wantsNumbersAsText: Bool {
        switch kind {
        case .text, .enumeration, .blob, .other: return true
        default: return false
        }
    }

    /// Appends the COPY text field for `cell`, or returns why it cannot be converted exactly.
    func append(_ cell: SourceCell, to out: inout [UInt8]) -> String? {
        if case .null = cell {
            guard nullable else { return "NULL in a NOT NULL column" }
            out.append(contentsOf: CopyText.null)
            return nil
        }
        switch kind {
        case .integer(let lo, let hi):
            let value: Int64?
            switch cell {
            case .integer(let i): value = i
            case .real(let d): value = d.rounded() == d && abs(d) < 9.2e18 ? Int64(d) : nil
            case .text(let b): value = NumberText.integer(b)
            default: value = nil
            }
            guard let value else { return "not an integer" }
            guard value >= lo, value <= hi else { return "out of range (\(lo)…\(hi))" }
            CopyText.appendPlain(String(value), to: &out)
        case .boolean:
            var truth: Bool?
            switch cell {
            case .integer(let i) where i == 0 || i == 1: truth = i == 1
            case .text(let b) where b.count <= 5:
                switch String(decoding: b, as: UTF8.self).lowercased() {
                case "1", "t", "true", "y", "yes", "on": truth = true
                case "0", "f", "false", "n", "no", "off": truth = false
                default: break
                }
            default: break
            }
            guard let truth else { return "not a boolean (0/1, true/false, t/f, yes/no, y/n, on/off)" }
            CopyText.appendPlain(truth ? "t" : "f", to: &out)
        case .float(let single):
            let value: Double, text: String
            switch cell {
            case .integer(let i): (value, text) = (Double(i), String(i))
            case .real(let d): (value, text) = (d, NumberText.double(d))
            case .text(let b):
                guard let t = NumberText.decimal(b), let d = Double(t) else { return "not a number" }
                guard d.isFinite else { return "out of range for double precision" }
                if d == 0, !Self.isZeroText(t) {
                    return "too small for double precision (it would become 0)"
                }
                (value, text) = (d, t)
            default: return "not a number"
            }
            if single {
                let f = Float(value)
                if value.isFinite, !f.isFinite { return "out of range for real" }
                if value != 0, f == 0 { return "too small for real (it would become 0)" }
            }
            CopyText.appendPlain(text, to: &out)
        case .decimal(let p, let s):
            let text: String?
            switch cell {
            case .integer(let i): text = String(i)
            case .real(let d): text = d.isFinite ? "\(d)" : nil
            case .text(let b): text = NumberText.decimal(b)
            default: text = nil
            }
            guard let text else { return "not a number" }
            guard let fixed = NumberText.fixed(text, precision: p, scale: s) else {
                return "does not fit numeric(\(p),\(s)) without rounding"
            }
            CopyText.appendPlain(fixed, to: &out)
        case .text(let maxLength):
            guard let bytes = cell.textBytes else { return "not text" }
            if let problem = Self.textProblem(bytes) { return problem }
            if let maxLength, bytes.count > maxLength, UTF8Bytes.scalarCount(bytes) > maxLength {
                return "longer than \(maxLength) characters"
            }
            CopyText.appendEscaped(bytes, to: &out)
        case .enumeration(let values):
            guard let bytes = cell.textBytes, UTF8Bytes.isValid(bytes) else { return "not one of the enum's values" }
            let text = String(decoding: bytes, as: UTF8.self)
            guard values.contains(text) else { return "not one of the enum's values (\(values.joined(separator: ", ")))" }
            CopyText.appendEscaped(bytes, to: &out)
        case .uuid:
            switch cell {
            case .blob(let b) where b.count == 16:
                let h = CopyText.hex(b)
                let parts = [h.prefix(8), h.dropFirst(8).prefix(4), h.dropFirst(12).prefix(4), h.dropFirst(16).prefix(4), h.dropFirst(20)]
                CopyText.appendPlain(parts.joined(separator: "-"), to: &out)
            case .text(let b) where Self.isCanonicalUUID(b):
                CopyText.appendPlain(String(decoding: b, as: UTF8.self).lowercased(), to: &out)
            default: return "not a UUID (8-4-4-4-12 hexadecimal digits, or 16 bytes)"
            }
        case .json:
            let text: String
            switch cell {
            case .integer(let i): text = String(i)
            case .real(let d):
                guard d.isFinite else { return "not JSON (an infinite number)" }
                text = "\(d)"
            case .text(let b):
                guard UTF8Bytes.isValid(b) else { return "not valid UTF-8" }
                if let problem = JSONSyntax.problem(in: b) { return problem }
                CopyText.appendEscaped(b, to: &out)
                return nil
            default: return "not JSON (a blob)"
            }
            CopyText.appendPlain(text, to: &out)
        case .blob:
            guard let bytes = cell.textBytes else { return "not bytes" }
            out.append(contentsOf: Array("\\\\x".utf8))
            for b in bytes {
                out.append(CopyText.hexDigits[Int(b >> 4)])
                out.append(CopyText.hexDigits[Int(b & 0xf)])
            }
        case .date:
            guard case .text(let b) = cell, let t = TimestampText.parse(b) else { return "not a date (YYYY-MM-DD)" }
            guard t.offset == nil, t.micros % 86_400_000_000 == 0 else { return "a date and time in a date column (the time would be lost)" }
            CopyText.appendPlain(TimestampText.formatDate(days: Int(t.micros / 86_400_000_000)), to: &out)
        case .timestamp(let zoned):
            let utc: Int64
            switch cell {
            case .integer(let i):
                guard TimestampText.epochMicros(Double(i)) != nil else { return "an epoch out of range" }
                utc = abs(i) >= 100_000_000_000 ? i * 1_000 : i * 1_000_000
            case .real(let d):
                guard let m = TimestampText.epochMicros(d) else { return "an epoch out of range" }
                utc = m
            case .text(let b):
                if let t = TimestampText.parse(b) {
                    if let offset = t.offset {
                        utc = t.micros - Int64(offset) * 1_000_000
                    } else if zoned, let zone {
                        utc = t.micros - Int64(TimestampText.offset(of: zone, atWallTime: t.micros)) * 1_000_000
                    } else {
                        utc = t.micros
                    }
                } else if let n = NumberText.integer(b) {
                    guard TimestampText.epochMicros(Double(n)) != nil else { return "an epoch out of range" }
                    utc = abs(n) >= 100_000_000_000 ? n * 1_000 : n * 1_000_000
                } else if let t = NumberText.decimal(b), let d = Double(t), let m = TimestampText.epochMicros(d) {
                    utc = m
                } else {
                    return "not a date and time (ISO 8601 as SQLite's date functions read it, or a Unix epoch)"
                }
            default: return "not a date and time"
            }
            guard let text = TimestampText.format(micros: utc, zoned: zoned) else { return "a date outside the years 1–9999" }
            CopyText.appendPlain(text, to: &out)
        case .other:
            guard let bytes = cell.textBytes else {
                if case .blob(let b) = cell, UTF8Bytes.isValid(b), !b.contains(0) {
                    CopyText.appendEscaped(b, to: &out)
                    return nil
                }
                return "not text"
            }
            if let problem = Self.textProblem(bytes) { return problem }
            CopyText.appendEscaped(bytes, to: &out)
        }
        return nil
    }

    static func textProblem(_ bytes: UnsafeRawBufferPointer) -> String? {
        if bytes.contains(0) { return "contains a NUL character (PostgreSQL text cannot)" }
        if !UTF8Bytes.isValid(bytes) { return "not valid UTF-8" }
        return nil
    }

    static func isZeroText(_ t: String) -> Bool {
        let mantissa = t.split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? ""
        return !mantissa.contains { ("1"..."9").contains($0) }
    }

    static func isCanonicalUUID(_ b: UnsafeRawBufferPointer) -> Bool {
        guard b.count == 36 else { return false }
        for (k, c) in b.enumerated() {
            if k == 8 || k == 13 || k == 18 || k == 23 {
                guard c == UInt8(ascii: "-") else { return false }
            } else {
                guard (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c) else { return false }
            }
        }
        return true
    }
}

extension SourceCell {
    /// Text or a blob's bytes, for targets that keep text or bytes (numbers come as text when
    /// the reader was asked for `wantsNumbersAsText`).
    var textBytes: UnsafeRawBufferPointer? {
        switch self {
        case .text(let b), .blob(let b): return b
        default: return nil
        }
    }

}
