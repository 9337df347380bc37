extension DatabaseURL {
    /// Opens a connection to the database this URL names; an SQLite file is created only when
    /// `create` is true (commands that only read never create a database).
    public func connect(create: Bool = false) throws -> any DatabaseConnection {
        switch self {
        case .sqlite(let path):
            return try SQLiteConnection(path: path, create: create)
        case .postgres(let url):
            return try PostgresConnection(url: url)
        }
    }
}
