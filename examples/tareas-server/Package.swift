// swift-tools-version: 6.1
// A Hummingbird 2 service for the task list that migrates at start-up, sharing the TareasSchema
// module (models and revisions) with the `tareas` migrate tool of examples/tareas.
import PackageDescription

let package = Package(
    name: "tareas-server",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "retort", path: "../.."),
        .package(name: "tareas", path: "../tareas"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
        )
    ]
)
