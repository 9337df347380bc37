import CLibPQ
import Foundation

/// A connection to a PostgreSQL server through libpq.
public final class PostgresConnection: InterruptibleConnection {
    private var handle: OpaquePointer?
    /// libpq's cancel request for this session (`PQcancel` may be sent from any thread).
    private var cancelRequest: OpaquePointer?
    /// Stops this session's work from another thread: the running statement is cancelled.
    public private(set) var interrupter = DatabaseInterrupter(cancel: {})
    private let password: String?
    /// The URL this connection was opened with (print it with `description`, which redacts the password).
    public let url: PostgresURL

    /// Connects; a refused connection, bad password, missing database or a server that does not
    /// answer within the connect timeout throws a one-line error that never contains the password.
    public init(url: PostgresURL) throws {
        self.url = url
        self.password = url.password
        let parameters = url.connectionParameters
        var keywords = parameters.map { strdup($0.key) } + [nil]
        var values = parameters.map { strdup($0.value) } + [nil]
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let conn = keywords.withUnsafeMutableBufferPointer { k in
            values.withUnsafeMutableBufferPointer { v in
                k.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: k.count) { kp in
                    v.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: v.count) { vp in
                        PQconnectdbParams(kp, vp, 0)
                    }
                }
            }
        }
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let raw = conn.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(conn)
            var message = Self.clean(raw, password: url.password)
            if message.contains("timeout expired") {
                let seconds = url.parameter("connect_timeout") ?? String(PostgresURL.defaultConnectTimeout)
                message += " (no answer within connect_timeout=\(seconds) s; set connect_timeout in the URL to wait longer)"
            }
            throw DatabaseError("cannot connect to \(DatabaseURL.postgres(url)): \(message)")
        }
        handle = conn
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
        let cancel = PQgetCancel(conn)
        cancelRequest = cancel
        interrupter = DatabaseInterrupter {
            var message = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel, &message, Int32(message.count))
        }
    }

    deinit { close() }

    /// The schema `--schema` set for this session (`SET search_path`), if any: a second
    /// connection opened to read in parallel reads the same one.
    public internal(set) var schemaOverride: String?

    /// The server's version number (`150004`), as libpq learned it when connecting.
    public var serverVersion: Int64 { handle.map { Int64(PQserverVersion($0)) } ?? 0 }

    /// True when the session is not inside a transaction (asked of libpq, no round trip).
    public var isIdle: Bool { handle.map { PQtransactionStatus($0) == PQTRANS_IDLE } ?? false }

    public var dialect: DialectName { .postgres }

    public func close() {
        interrupter.closing()
        if let cancelRequest { PQfreeCancel(cancelRequest) }
        cancelRequest = nil
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// A libpq message as one line, with the password (if any) removed.
    private static func clean(_ message: String, password: String?) -> String {
        var text = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        if let password, !password.isEmpty { text = text.replacingOccurrences(of: password, with: "***") }
        return DatabaseURL.redact(text)
    }

    func connection() throws -> OpaquePointer { try conn() }

    private func conn() throws -> OpaquePointer {
        try interrupter.check()
        guard let handle else { throw DatabaseError("the PostgreSQL connection is closed") }
        return handle
    }

    func check(_ result: OpaquePointer?, _ sql: String) throws {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY else {
            let message = result.map { String(cString: PQresultErrorMessage($0)) } ?? String(cString: PQerrorMessage(handle))
            let code = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
            throw DatabaseError(Self.clean(message.replacingOccurrences(of: "ERROR:  ", with: ""), password: password), sql: sql, code: code)
        }
    }

    public func executeScript(_ sql: String) throws {
        let result = PQexec(try conn(), sql)
        defer { PQclear(result) }
        try check(result, sql)
    }

    public func execute(_ sql: String, _ parameters: [SQLValue]) throws {
        _ = try query(sql, parameters)
    }

    public func query(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]] {
        try queryResult(sql, parameters).rows
    }

    public func queryResult(_ sql: String, _ parameters: [SQLValue]) throws -> QueryResult {
        let conn = try conn()
        let texts: [String?] = parameters.map { value in
            switch value {
            case .null: return nil
            case .integer(let i): return String(i)
            case .double(let d): return String(d)
            case .text(let s): return s
            case .blob(let b): return "\\x" + b.map { String(format: "%02x", $0) }.joined()
            }
        }
        var cStrings = texts.map { $0.flatMap { strdup($0) } }
        defer { cStrings.forEach { free($0) } }
        let result = cStrings.withUnsafeMutableBufferPointer { buffer -> OpaquePointer? in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { pointer in
                PQexecParams(conn, sql, Int32(buffer.count), nil, pointer, nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        try check(result, sql)
        guard let result else { return QueryResult(columns: [], rows: []) }
        let rows = PQntuples(result), columns = PQnfields(result)
        let names = (0..<columns).map { String(cString: PQfname(result, $0)) }
        var out: [[SQLValue]] = []
        out.reserveCapacity(Int(rows))
        for r in 0..<rows {
            var row: [SQLValue] = []
            row.reserveCapacity(Int(columns))
            for c in 0..<columns {
                if PQgetisnull(result, r, c) == 1 {
                    row.append(.null)
                    continue
                }
                let text = String(cString: PQgetvalue(result, r, c))
                switch PQftype(result, c) {
                case 20, 21, 23, 26: row.append(Int64(text).map(SQLValue.integer) ?? .text(text))
                case 700, 701: row.append(Double(text).map(SQLValue.double) ?? .text(text))
                case 16: row.append(.integer(text == "t" ? 1 : 0))
                default: row.append(.text(text))
                }
            }
            out.append(row)
        }
        return QueryResult(columns: names, rows: out)
    }
}
