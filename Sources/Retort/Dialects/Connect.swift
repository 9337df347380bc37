extension DatabaseURL {
    /// Opens a connection to the database this URL names.
    public func connect() throws -> any DatabaseConnection {
        switch self {
        case .sqlite(let path):
            return try SQLiteConnection(path: path)
        case .postgres(let url):
            return try PostgresConnection(url: url)
        }
    }
}
