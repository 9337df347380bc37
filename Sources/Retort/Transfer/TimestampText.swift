import Foundation

/// Dates and times as SQLite applications store them, read exactly: ISO 8601 text in the forms
/// SQLite's own date functions read, and Unix epochs.
struct TimestampText: Equatable {
    /// Microseconds since 1970-01-01 00:00 of the wall-clock reading (or of UTC, with `offset`).
    var micros: Int64
    /// The zone offset written in the value, in seconds east of UTC; nil when it names none.
    var offset: Int?
    /// True when the value held a date only.
    var dateOnly: Bool

    /// Parses `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM`, `HH:MM:SS` or
    /// `HH:MM:SS.fff…` (up to 6 fraction digits), optionally followed by `Z` or `±HH:MM`.
    static func parse(_ b: UnsafeRawBufferPointer) -> TimestampText? {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                let c = b[k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = digits(4), expect(UInt8(ascii: "-")), let mo = digits(2), expect(UInt8(ascii: "-")), let d = digits(2),
            (1...12).contains(mo), d >= 1, d <= daysIn(month: mo, year: y), y >= 1
        else { return nil }
        var h = 0, mi = 0, s = 0, micro = 0
        var dateOnly = true
        if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") {
            i += 1
            dateOnly = false
            guard let hh = digits(2), expect(UInt8(ascii: ":")), let mm = digits(2), hh < 24, mm < 60 else { return nil }
            (h, mi) = (hh, mm)
            if expect(UInt8(ascii: ":")) {
                guard let ss = digits(2), ss < 60 else { return nil }
                s = ss
                if expect(UInt8(ascii: ".")) {
                    var n = 0
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                        guard n < 6 else { return nil }
                        micro = micro * 10 + Int(b[i] - 0x30)
                        n += 1
                        i += 1
                    }
                    guard n > 0 else { return nil }
                    for _ in n..<6 { micro *= 10 }
                }
            }
        }
        var offset: Int?
        if i < b.count {
            guard !dateOnly else { return nil }
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                offset = 0
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let oh = digits(2), expect(UInt8(ascii: ":")), let om = digits(2), oh <= 14, om < 60 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
            guard i == b.count else { return nil }
        }
        let days = Int64(daysFromCivil(y, mo, d))
        let seconds = days * 86_400 + Int64(h * 3600 + mi * 60 + s)
        return TimestampText(micros: seconds * 1_000_000 + Int64(micro), offset: offset, dateOnly: dateOnly)
    }

    /// An epoch in seconds, or in milliseconds when its magnitude is at least 10^11 (a seconds
    /// value that large would be after the year 5000), as microseconds since 1970 (UTC).
    static func epochMicros(_ value: Double) -> Int64? {
        guard value.isFinite else { return nil }
        let micros = abs(value) >= 1e11 ? value * 1_000 : value * 1_000_000
        guard abs(micros) < 2.5e17 else { return nil }  // beyond year 9999
        return Int64(micros.rounded())
    }

    /// Microseconds since 1970 (UTC) as PostgreSQL reads them: `YYYY-MM-DD HH:MM:SS.ffffff`.
    static func format(micros: Int64, zoned: Bool) -> String? {
        var seconds = micros / 1_000_000, fraction = micros % 1_000_000
        if fraction < 0 {
            fraction += 1_000_000
            seconds -= 1
        }
        var days = seconds / 86_400, rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (y, m, d) = civil(fromDays: Int(days))
        guard y >= 1, y <= 9999 else { return nil }
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + " " + pad(Int(rest / 3600), 2) + ":" + pad(Int(rest % 3600 / 60), 2)
            + ":" + pad(Int(rest % 60), 2)
        if fraction != 0 { text += "." + pad(Int(fraction), 6) }
        return zoned ? text + "+00" : text
    }

    /// `YYYY-MM-DD` for a day count since 1970.
    static func formatDate(days: Int) -> String {
        let (y, m, d) = civil(fromDays: days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// The offset of `zone` at the wall-clock time `wallMicros` (seconds east of UTC).
    static func offset(of zone: TimeZone, atWallTime wallMicros: Int64) -> Int {
        let guess = Date(timeIntervalSince1970: Double(wallMicros) / 1e6)
        let first = zone.secondsFromGMT(for: guess)
        let second = zone.secondsFromGMT(for: guess.addingTimeInterval(-Double(first)))
        return second
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
