// swift-tools-version: 6.1
// The server side of the task list, in one package so SwiftNIO and friends build once:
// - `tareas-server`: a Hummingbird 2 service that migrates at start-up, sharing the TareasSchema
//   module (models and revisions) with the `tareas` migrate tool of examples/tareas;
// - `TareasFluent`: the same models' schema as Fluent migrations, written by
//   `tareas autogen --emit fluent`, and `tareas-fluent`, which runs them through Fluent's
//   migrator (no Vapor needed) on SQLite or PostgreSQL.
import PackageDescription

let package = Package(
    name: "tareas-server",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "retort", path: "../.."),
        .package(name: "tareas", path: "../tareas"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
    ],
    targets: [
        .executableTarget(
            name: "tareas-server",
            dependencies: [
                .product(name: "TareasSchema", package: "tareas"),
                .product(name: "Retort", package: "retort"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TareasFluent",
            dependencies: [
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
            ]
        ),
        .executableTarget(
            name: "tareas-fluent",
            dependencies: [
                "TareasFluent",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
