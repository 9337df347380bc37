import Foundation

/// What a transfer (or `--verify-only`) found, per table: counts, checksums and foreign-key
/// integrity on both sides. JSON form: schema/transfer.schema.json.
public struct TransferReport: Codable, Sendable {
    /// One table's result.
    public struct TableResult: Codable, Sendable {
        /// The table's name.
        public var table: String
        /// Rows in the source, rejected rows left out.
        public var sourceRows: Int
        /// Rows rejected (recorded with their reasons).
        public var rejectedRows: Int
        /// Rows in the target after the copy.
        public var targetRows: Int
        /// SHA-256 of the normalized rows, computed by each database's own SQL.
        public var sourceChecksum: String
        /// The checksum of the target's rows, compared with the source's.
        public var targetChecksum: String
        /// Target rows whose foreign key points to no row.
        public var orphanRows: Int
        /// Rows copied per second (nil when the table was not copied in this run).
        public var rowsPerSecond: Double?
        /// `ok`, `mismatch`, or `verified earlier` (skipped by --resume).
        public var status: String
    }

    /// One result per table.
    public var tables: [TableResult]
    /// Every rejected row, across tables (also stored in the target's `retort_transfer_rejects`).
    public var rejectedRows: Int
    /// True when every table's counts and checksums agree and no foreign key is broken.
    public var ok: Bool { tables.allSatisfy { $0.status != "mismatch" } }

    private enum CodingKeys: String, CodingKey { case tables, rejectedRows, ok }

    /// A report.
    public init(tables: [TableResult], rejectedRows: Int) {
        self.tables = tables
        self.rejectedRows = rejectedRows
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tables = try c.decode([TableResult].self, forKey: .tables)
        rejectedRows = try c.decode(Int.self, forKey: .rejectedRows)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tables, forKey: .tables)
        try c.encode(rejectedRows, forKey: .rejectedRows)
        try c.encode(ok, forKey: .ok)
    }

    /// What each column of the summary counts, printed under it.
    public static let legend =
        "source rows: rows of the source table that were copied (rejected rows left out); rejected: source rows refused, each for its reason; "
        + "target rows: rows now in the target table (equal to source rows when ok); orphans: target rows whose foreign key points to no row"

    /// The summary table as text lines, with the legend last.
    public var lines: [String] {
        let header = ["table", "source rows", "rejected", "target rows", "source checksum", "target checksum", "orphans", "rows/s", "status"]
        let rows = tables.map { t in
            [t.table, String(t.sourceRows), String(t.rejectedRows), String(t.targetRows), String(t.sourceChecksum.prefix(16)),
             String(t.targetChecksum.prefix(16)), String(t.orphanRows), t.rowsPerSecond.map { String(Int($0)) } ?? "-", t.status]
        }
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max()! }
        func format(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        return [format(header)] + rows.map(format) + ["(\(Self.legend))"]
    }
}
