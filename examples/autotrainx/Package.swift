// swift-tools-version: 6.1
// The move from SQLite to PostgreSQL: an ML-training tracker whose migrate tool is `autotrainx`.
import PackageDescription

let package = Package(
    name: "autotrainx",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "retort", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "autotrainx",
            dependencies: [.product(name: "RetortCLI", package: "retort")],
            plugins: [.plugin(name: "RetortRevisions", package: "retort")]
        )
    ]
)
