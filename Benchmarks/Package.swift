// swift-tools-version: 6.1
// Benchmarks for Retort; run with Benchmarks/autogen.sh, Benchmarks/online.sh and Benchmarks/fleet.sh.
import PackageDescription

let package = Package(
    name: "retort-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "retort", path: "..")],
    targets: [
        .executableTarget(
            name: "retort-bench",
            dependencies: [.product(name: "RetortCLI", package: "retort")]
        ),
        .executableTarget(
            name: "retort-fleet",
            dependencies: [.product(name: "RetortCLI", package: "retort")]
        ),
        .executableTarget(
            name: "retort-online",
            dependencies: [.product(name: "Retort", package: "retort")]
        ),
    ]
)
