import Foundation

/// A copy of the database taken before risky work (`upgrade`/`downgrade --backup PATH`).
public enum Backup {
    /// Writes a backup of the connected database to `path`, which must not exist yet: SQLite's
    /// online backup API, or `pg_dump --format=custom` for PostgreSQL (its password passed in the
    /// environment, never on a command line). Returns the size written, in bytes.
    @discardableResult
    public static func write(_ db: any DatabaseConnection, url: DatabaseURL, to path: String) throws -> Int64 {
        // Created here, readable by its owner only (it holds every row), and never an existing file.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw DatabaseError("the backup file \(path) exists already; choose a new path (an old backup is never overwritten)")
            }
            throw DatabaseError("cannot create the backup file \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
        do {
            switch url {
            case .sqlite:
                guard let sqlite = db as? SQLiteConnection else { throw DatabaseError("not an SQLite connection") }
                try sqlite.backup(to: path)
            case .postgres(let server):
                try pgDump(server, to: path)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return size
    }

    /// `pg_dump` of the newest installed PostgreSQL, else the one on PATH.
    static func pgDumpExecutable() -> String? {
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted()
        for v in versions.reversed() where FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(v)/bin/pg_dump") {
            return "/usr/lib/postgresql/\(v)/bin/pg_dump"
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            if FileManager.default.isExecutableFile(atPath: "\(dir)/pg_dump") { return "\(dir)/pg_dump" }
        }
        return nil
    }

    /// pg_dump's arguments and environment: the connection as keyword/value pairs without the
    /// password, which goes in PGPASSWORD (a command line is visible to every user of the machine).
    static func pgDumpInvocation(_ server: PostgresURL, to path: String) -> (arguments: [String], environment: [String: String]) {
        let conninfo = server.parameters.filter { $0.key != "password" }.map { key, value in
            "\(key)='\(value.replacingScalars(["\\": "\\\\", "'": "\\'"]))'"
        }.joined(separator: " ")
        var environment = ProcessInfo.processInfo.environment
        if let password = server.password { environment["PGPASSWORD"] = password }
        return (["--format=custom", "--file=\(path)", "--dbname=\(conninfo)"], environment)
    }

    static func pgDump(_ server: PostgresURL, to path: String) throws {
        guard let executable = pgDumpExecutable() else {
            throw DatabaseError("--backup needs pg_dump, which is not installed (Debian: apt-get install postgresql-client)")
        }
        let (arguments, environment) = pgDumpInvocation(server, to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            let line = message.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw DatabaseError("pg_dump failed, no backup written: \(DatabaseURL.redact(line))")
        }
    }
}
