/// Where a default value's text goes: the one switch that spells a `DefaultValue`.
enum DefaultSpelling {
    /// PostgreSQL's `DEFAULT` clause and updates (`true`, `(expression)`).
    case postgres
    /// SQLite's (`1`, `(expression)`).
    case sqlite
    /// Text stored in a revision that both dialects read the same way (`TRUE`, the expression as
    /// written); revisions keep it, so it never changes.
    case portable
    /// Messages and summaries (`'text'` as written, `true`).
    case display
}

extension DefaultValue {
    /// The value spelled for `spelling`.
    func spelled(_ spelling: DefaultSpelling) -> String {
        switch self {
        case .string(let s): return spelling == .display ? "'\(s)'" : SQLText.literal(s)
        case .integer(let i): return String(i)
        case .number(let n): return n
        case .boolean(let b):
            switch spelling {
            case .postgres, .display: return b ? "true" : "false"
            case .sqlite: return b ? "1" : "0"
            case .portable: return b ? "TRUE" : "FALSE"
            }
        case .currentTimestamp: return "CURRENT_TIMESTAMP"
        case .currentDate: return "CURRENT_DATE"
        case .expression(let e):
            // DEFAULT takes a restricted expression (no AT TIME ZONE, IS NULL, …) unless parenthesized.
            switch spelling {
            case .postgres, .sqlite: return "(\(e))"
            case .portable, .display: return e
            }
        }
    }
}
