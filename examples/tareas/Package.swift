// swift-tools-version: 6.1
// The task-list story: a project whose migrate tool is the executable `tareas`. The models and the
// revisions live in the TareasSchema module, which the tareas-server app shares.
import PackageDescription

let package = Package(
    name: "tareas",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TareasSchema", targets: ["TareasSchema"]),
        .executable(name: "tareas", targets: ["tareas"]),
    ],
    dependencies: [
        .package(name: "retort", path: "../..")
    ],
    targets: [
        .target(
            name: "TareasSchema",
            dependencies: [.product(name: "Retort", package: "retort")],
            plugins: [.plugin(name: "RetortRevisions", package: "retort")]
        ),
        .executableTarget(
            name: "tareas",
            dependencies: ["TareasSchema", .product(name: "RetortCLI", package: "retort")]
        ),
    ]
)
