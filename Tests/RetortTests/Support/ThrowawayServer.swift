import Foundation
import Retort

/// A PostgreSQL server of its own on a loopback TCP port, for tests that need several servers
/// (a fleet spread over servers): initialized and started as the `postgres` user when the tests
/// run as root (initdb refuses root), stopped and removed when the test is done with it.
final class ThrowawayServer {
    /// The server's `postgres` database.
    let url: DatabaseURL
    let port: Int
    private let directory: String
    private let bin: String

    init() throws {
        let found = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = found.compactMap(Int.init).max() else {
            throw DatabaseError("no PostgreSQL server under /usr/lib/postgresql: scripts/test installs it")
        }
        bin = "/usr/lib/postgresql/\(version)/bin"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("retort-server-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        port = try Self.freePort()
        if getuid() == 0 { _ = try runProcess("/bin/chown", ["postgres", directory]) }
        let dir = directory, bin = self.bin, port = self.port
        try Self.asPostgres("'\(bin)/initdb' -N -D '\(dir)/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 > '\(dir)/initdb.log' 2>&1")
        try Self.asPostgres(
            "'\(bin)/pg_ctl' -D '\(dir)/data' -l '\(dir)/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p \(port) -k '\(dir)' "
                + "-c fsync=off -c max_connections=100\" start > /dev/null")
        url = try DatabaseURL("postgresql://postgres@127.0.0.1:\(port)/postgres")
    }

    deinit {
        _ = try? Self.asPostgres("'\(bin)/pg_ctl' -D '\(directory)/data' -m immediate stop > /dev/null 2>&1")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The server's database `name`.
    func database(_ name: String) -> DatabaseURL {
        guard case .postgres(let pg) = url else { return url }
        return .postgres(pg.replacingDatabase(with: name))
    }

    /// Runs `command` as the `postgres` user. The descriptors the shell inherits beyond the standard
    /// three are closed first: Foundation's `Process` learns that a child ended when one of them
    /// closes, and a server started in the background would hold it open for ever.
    private static func asPostgres(_ command: String) throws {
        let closed = "for f in /proc/$$/fd/*; do n=${f##*/}; [ \"$n\" -gt 2 ] 2>/dev/null && eval \"exec $n>&-\" 2>/dev/null; done; " + command
        let result = getuid() == 0
            ? try runProcess("/bin/su", ["postgres", "-s", "/bin/bash", "-c", closed]) : try runProcess("/bin/bash", ["-c", closed])
        guard result.status == 0 else { throw DatabaseError("starting a throwaway PostgreSQL failed: \(command): \(result.stderr)") }
    }

    /// A port nothing listens on now (the kernel's pick for a socket bound to port 0).
    private static func freePort() throws -> Int {
        let (fd, port) = try loopbackSocket()
        close(fd)
        return port
    }
}
