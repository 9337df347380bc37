// libFuzzer target: type names and column defaults as PostgreSQL's catalog prints them
// (`format_type`, `pg_get_expr`), read by Retort. Properties: a type read, written back as
// Retort writes it and read again is the same type; a default read as a value (string, number,
// boolean), spelled for PostgreSQL and read again is the same value.
@testable import Retort

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let type = PostgresDialect.parseType(text)
    _ = TypeNames.parse(text)
    if case .native = type {} else {
        let again = PostgresDialect.parseType(PostgresDialect.typeSQL(Column("c", type)))
        precondition(again == type, "type does not round-trip: \(text) → \(type) → \(PostgresDialect.typeSQL(Column("c", type))) → \(again)")
    }
    // A default read as a value (a string, number or boolean, not an expression kept as text)
    // must read back as the same value from the way Retort writes it.
    for columnType in [nil, type] as [ColumnType?] {
        guard let d = PostgresDialect.parseDefault(text, columnType: columnType) else { continue }
        if case .expression = d { continue }
        let spelled = d.spelled(.postgres)
        let again = PostgresDialect.parseDefault(spelled, columnType: columnType)
        precondition(again?.canonical == d.canonical, "default does not round-trip: \(text) → \(d) → \(spelled) → \(String(describing: again))")
    }
    _ = DefaultValue.parse(sql: text)
    return 0
}
