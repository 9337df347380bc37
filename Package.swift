// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "retort",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Retort", targets: ["Retort"]),
        .library(name: "RetortCLI", targets: ["RetortCLI"]),
        .plugin(name: "RetortRevisions", targets: ["RetortRevisions"]),
        .executable(name: "retort", targets: ["retort"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite3",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(
            name: "Retort",
            dependencies: [
                "CSQLite3",
                "CLibPQ",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "RetortCLI",
            dependencies: [
                "Retort",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "retort", dependencies: ["RetortCLI"]),
        .executableTarget(name: "RetortRegistryTool"),
        // A migrate tool the fleet tests run as a process (not a product).
        .executableTarget(name: "RetortFleetFixture", dependencies: ["RetortCLI"], path: "Tests/FleetFixture"),
        .plugin(
            name: "RetortRevisions",
            capability: .buildTool(),
            dependencies: ["RetortRegistryTool"]
        ),
        .testTarget(
            name: "RetortTests",
            dependencies: ["Retort", "RetortCLI", .product(name: "Logging", package: "swift-log")]
        ),
    ]
)
