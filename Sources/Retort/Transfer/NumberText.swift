/// Numbers written as text, read strictly: what SQLite and PostgreSQL both read as the same number.
enum NumberText {
    /// An integer: optional surrounding spaces and sign, then digits only.
    static func integer(_ b: UnsafeRawBufferPointer) -> Int64? {
        let text = trimmed(b)
        guard !text.isEmpty, text.count <= 20 else { return nil }
        return Int64(String(decoding: text, as: UTF8.self))
    }

    /// A decimal number (`-12`, `3.5`, `.5`, `1e-3`), never `inf`, `nan` or hexadecimal; returns
    /// its trimmed text.
    static func decimal(_ b: UnsafeRawBufferPointer) -> String? {
        let t = trimmed(b)
        var i = 0, digits = 0
        if i < t.count, t[i] == UInt8(ascii: "-") || t[i] == UInt8(ascii: "+") { i += 1 }
        while i < t.count, t[i] >= 0x30, t[i] <= 0x39 { i += 1; digits += 1 }
        if i < t.count, t[i] == UInt8(ascii: ".") {
            i += 1
            while i < t.count, t[i] >= 0x30, t[i] <= 0x39 { i += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if i < t.count, t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E") {
            i += 1
            if i < t.count, t[i] == UInt8(ascii: "-") || t[i] == UInt8(ascii: "+") { i += 1 }
            let expStart = i
            while i < t.count, t[i] >= 0x30, t[i] <= 0x39 { i += 1 }
            guard i > expStart else { return nil }
        }
        guard i == t.count else { return nil }
        return String(decoding: t, as: UTF8.self)
    }

    /// `text` (a decimal number) as a plain decimal with exactly `scale` fraction digits, when it
    /// has at most `precision - scale` integer digits and nothing non-zero beyond `scale`.
    static func fixed(_ text: String, precision: Int, scale: Int) -> String? {
        var s = Substring(text)
        var negative = false
        if s.first == "-" || s.first == "+" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(s[s.index(after: e)...]), abs(x) < 10_000 else { return nil }
            exponent = x
            s = s[..<e]
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0]) + (parts.count > 1 ? Array(parts[1]) : [])
        var point = parts[0].count + exponent  // digits before the decimal point
        while point < 0 {
            digits.insert("0", at: 0)
            point += 1
        }
        while digits.count < point { digits.append("0") }
        var integer = Array(digits[..<point]), fraction = Array(digits[point...])
        while let f = integer.first, f == "0" { integer.removeFirst() }
        while fraction.count > scale {
            guard fraction.last == "0" else { return nil }
            fraction.removeLast()
        }
        while fraction.count < scale { fraction.append("0") }
        guard integer.count <= precision - scale else { return nil }
        let body = (integer.isEmpty ? "0" : String(integer)) + (scale > 0 ? "." + String(fraction) : "")
        let isZero = !body.contains { $0 != "0" && $0 != "." }
        return (negative && !isZero ? "-" : "") + body
    }

    /// A double as text PostgreSQL reads back to the same double (`Infinity` spelled its way).
    static func double(_ d: Double) -> String {
        if d == .infinity { return "Infinity" }
        if d == -.infinity { return "-Infinity" }
        return "\(d)"
    }

    static func trimmed(_ b: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 { hi -= 1 }
        return UnsafeRawBufferPointer(rebasing: b[lo..<hi])
    }
}
