import CLibPQ

extension PostgresConnection {
    /// Runs `COPY … FROM STDIN`; `produce` hands chunks of COPY data to its `send` argument.
    /// An error thrown by `produce` ends the COPY with that error (the server discards the rows)
    /// and is rethrown. Returns the number of rows the server reports.
    @discardableResult
    public func copyIn(_ sql: String, _ produce: (_ send: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws -> Int {
        let conn = try startCopy(sql, PGRES_COPY_IN)
        var failure: (any Error)?
        do {
            try produce { chunk in
                guard chunk.count > 0 else { return }
                let rc = PQputCopyData(conn, chunk.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(chunk.count))
                guard rc == 1 else { throw DatabaseError("COPY failed: \(String(cString: PQerrorMessage(conn)))", sql: sql) }
            }
        } catch {
            failure = error
        }
        _ = failure == nil ? PQputCopyEnd(conn, nil) : PQputCopyEnd(conn, "aborted by the client")
        var rows = 0
        var serverError: (any Error)?
        while let result = PQgetResult(conn) {
            do {
                try check(result, sql)
                rows += Int(String(cString: PQcmdTuples(result))) ?? 0
            } catch {
                serverError = serverError ?? error
            }
            PQclear(result)
        }
        if let failure { throw failure }
        if let serverError { throw serverError }
        return rows
    }

    /// Sends a COPY statement and requires the server to enter the COPY state `expected`.
    private func startCopy(_ sql: String, _ expected: ExecStatusType) throws -> OpaquePointer {
        let conn = try connection()
        let start = PQexec(conn, sql)
        defer { PQclear(start) }
        guard start.map(PQresultStatus) == expected else {
            try check(start, sql)
            throw DatabaseError("'\(sql)' did not start a COPY", sql: sql)
        }
        return conn
    }

    /// Runs `COPY … TO STDOUT`, handing each line (without its newline) to `line`.
    public func copyOut(_ sql: String, _ line: (UnsafeRawBufferPointer) throws -> Void) throws {
        let conn = try startCopy(sql, PGRES_COPY_OUT)
        var failure: (any Error)?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let n = PQgetCopyData(conn, &buffer, 0)
            if n < 0 { break }
            if let buffer {
                if failure == nil {
                    let count = Int(n) > 0 && buffer[Int(n) - 1] == 0x0A ? Int(n) - 1 : Int(n)
                    do { try line(UnsafeRawBufferPointer(start: buffer, count: count)) } catch { failure = error }
                }
                PQfreemem(buffer)
            }
        }
        var serverError: (any Error)?
        while let result = PQgetResult(conn) {
            do { try check(result, sql) } catch { serverError = serverError ?? error }
            PQclear(result)
        }
        if let failure { throw failure }
        if let serverError { throw serverError }
    }
}
