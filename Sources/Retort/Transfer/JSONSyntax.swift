/// Checks JSON text the way PostgreSQL's `jsonb` input does, and refuses what `jsonb` would
/// change silently: an object with a duplicate key (jsonb keeps the last), `\u0000`, and unpaired
/// surrogates.
struct JSONSyntax {
    private let b: UnsafeRawBufferPointer
    private var i = 0

    /// nil when `bytes` is JSON `jsonb` stores unchanged; else why not.
    static func problem(in bytes: UnsafeRawBufferPointer) -> String? {
        var parser = JSONSyntax(b: bytes)
        do {
            parser.space()
            try parser.value(depth: 0)
            parser.space()
            guard parser.i == bytes.count else { throw Failure("text after the JSON value at byte \(parser.i)") }
            return nil
        } catch let failure as Failure {
            return failure.message
        } catch {
            return "invalid JSON"
        }
    }

    private struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private init(b: UnsafeRawBufferPointer) { self.b = b }

    private mutating func space() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    private var here: String { i < b.count ? "at byte \(i)" : "at the end" }

    private mutating func value(depth: Int) throws {
        guard depth < 1000 else { throw Failure("JSON nested more than 1000 levels deep") }
        guard i < b.count else { throw Failure("invalid JSON: a value is missing \(here)") }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            space()
            var keys = Set<[UInt8]>()
            if i < b.count, b[i] == UInt8(ascii: "}") {
                i += 1
                return
            }
            while true {
                space()
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Failure("invalid JSON: expected a key \(here)") }
                let key = try string()
                guard keys.insert(key).inserted else {
                    throw Failure("duplicate JSON key \"\(String(decoding: key, as: UTF8.self))\" (jsonb keeps only the last)")
                }
                space()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw Failure("invalid JSON: expected ':' \(here)") }
                i += 1
                space()
                try value(depth: depth + 1)
                space()
                guard i < b.count else { throw Failure("invalid JSON: unterminated object") }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard b[i] == UInt8(ascii: "}") else { throw Failure("invalid JSON: expected ',' or '}' \(here)") }
                i += 1
                return
            }
        case UInt8(ascii: "["):
            i += 1
            space()
            if i < b.count, b[i] == UInt8(ascii: "]") {
                i += 1
                return
            }
            while true {
                space()
                try value(depth: depth + 1)
                space()
                guard i < b.count else { throw Failure("invalid JSON: unterminated array") }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard b[i] == UInt8(ascii: "]") else { throw Failure("invalid JSON: expected ',' or ']' \(here)") }
                i += 1
                return
            }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try word("true")
        case UInt8(ascii: "f"): try word("false")
        case UInt8(ascii: "n"): try word("null")
        default: try number()
        }
    }

    private mutating func word(_ w: StaticString) throws {
        let n = w.utf8CodeUnitCount
        guard i + n <= b.count, (0..<n).allSatisfy({ b[i + $0] == w.utf8Start[$0] }) else {
            throw Failure("invalid JSON \(here)")
        }
        i += n
    }

    private mutating func number() throws {
        let start = i
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        func isDigit(_ k: Int) -> Bool { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        guard isDigit(i) else { throw Failure("invalid JSON: unexpected character \(here)") }
        if b[i] == 0x30 { i += 1 } else { while isDigit(i) { i += 1 } }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { throw Failure("invalid JSON number at byte \(start)") }
            while isDigit(i) { i += 1 }
        }
        let exponent = i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E"))
        if exponent {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { throw Failure("invalid JSON number at byte \(start)") }
            while isDigit(i) { i += 1 }
        }
        // jsonb would keep it, but neither side could verify it: verification reads numbers as doubles.
        // Only a number with an exponent or of 300 digits or more can leave a double's range.
        guard exponent || i - start >= 300 else { return }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        if let value = Double(text), !value.isFinite || (value == 0 && !Self.mantissaIsZero(text)) {
            throw Failure("a JSON number beyond double precision's range at byte \(start)")
        }
    }

    /// True when the digits before any exponent are all zeros (`0.000e5`).
    private static func mantissaIsZero(_ text: String) -> Bool {
        !text.prefix { $0 != "e" && $0 != "E" }.contains { "123456789".contains($0) }
    }

    /// A string starting at the opening quote; returns its raw (still escaped) bytes.
    private mutating func string() throws -> [UInt8] {
        i += 1
        let start = i
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let raw = Array(UnsafeRawBufferPointer(rebasing: b[start..<i]))
                i += 1
                return raw
            }
            guard c >= 0x20 else { throw Failure("invalid JSON: a control character inside a string at byte \(i)") }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < b.count else { break }
                switch b[i] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 1
                case UInt8(ascii: "u"):
                    let unit = try hex4(at: i + 1)
                    i += 5
                    if unit == 0 { throw Failure("JSON \\u0000 cannot be stored in jsonb") }
                    if (0xD800...0xDBFF).contains(unit) {
                        guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u"),
                            (0xDC00...0xDFFF).contains(try hex4(at: i + 2))
                        else { throw Failure("JSON string has an unpaired surrogate \\u\(String(unit, radix: 16))") }
                        i += 6
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        throw Failure("JSON string has an unpaired surrogate \\u\(String(unit, radix: 16))")
                    }
                default: throw Failure("invalid JSON escape at byte \(i - 1)")
                }
                continue
            }
            i += 1
        }
        throw Failure("invalid JSON: unterminated string")
    }

    private func hex4(at k: Int) throws -> UInt32 {
        guard k + 4 <= b.count else { throw Failure("invalid JSON \\u escape") }
        var v: UInt32 = 0
        for j in k..<(k + 4) {
            let c = b[j]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x37)
            case 0x61...0x66: d = UInt32(c - 0x57)
            default: throw Failure("invalid JSON \\u escape")
            }
            v = v << 4 | d
        }
        return v
    }
}
