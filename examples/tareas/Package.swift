// swift-tools-version: 6.1
// The task-list story: a project whose migrate tool is the executable `tareas`.
import PackageDescription

let package = Package(
    name: "tareas",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "retort", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "tareas",
            dependencies: [.product(name: "RetortCLI", package: "retort")],
            plugins: [.plugin(name: "RetortRevisions", package: "retort")]
        )
    ]
)
