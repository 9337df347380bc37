// libFuzzer target: the readers `transfer` applies to SQLite values before PostgreSQL sees them:
// numbers, timestamps and JSON text. Properties: an integer read prints back to the same number;
// a decimal read is a number; a fixed-point rendering is stable (rendering it again changes
// nothing); a timestamp read, formatted and read again is the same instant.
import Foundation
@testable import Retort

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    if let i = NumberText.integer(bytes) {
        let t = String(decoding: NumberText.trimmed(bytes), as: UTF8.self)
        precondition(Int64(t) == i, "integer misread: \(t)")
    }
    if let d = NumberText.decimal(bytes) {
        precondition(Double(d) != nil, "decimal is not a number: \(d)")
        for (p, s) in [(10, 2), (38, 0), (5, 5), (20, 10)] {
            if let f = NumberText.fixed(d, precision: p, scale: s) {
                precondition(NumberText.fixed(f, precision: p, scale: s) == f, "fixed is not stable: \(d) → \(f)")
                let fb = Array(f.utf8)
                fb.withUnsafeBytes { precondition(NumberText.decimal($0) != nil, "fixed is not a decimal: \(f)") }
            }
        }
    }
    if let ts = TimestampText.parse(bytes) {
        let utc = ts.micros - Int64(ts.offset ?? 0) * 1_000_000
        if let text = TimestampText.format(micros: utc, zoned: false) {
            let again = Array(text.utf8).withUnsafeBytes { TimestampText.parse($0) }
            precondition(again != nil, "formatted timestamp does not parse: \(text)")
            let back = again!.micros - Int64(again!.offset ?? 0) * 1_000_000
            precondition(back == utc, "timestamp does not round-trip: \(String(decoding: bytes, as: UTF8.self)) → \(text)")
        }
    }
    _ = JSONSyntax.problem(in: bytes)
    return 0
}
