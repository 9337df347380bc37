// swift-tools-version: 6.1
// Coverage-guided fuzz targets (libFuzzer) for the text Retort parses but did not write.
// Build and run with Fuzz/run (see Fuzz/README.md); not part of the product or of scripts/test.
import PackageDescription

let package = Package(
    name: "retort-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "retort", path: "..")],
    targets: [
        // Each target reaches Retort's internal parsers with `@testable import` (debug builds are
        // built for testing), so nothing is made public for the fuzzer's sake.
        .executableTarget(name: "fuzz-sqlite-sql", dependencies: [.product(name: "Retort", package: "retort")]),
        .executableTarget(name: "fuzz-postgres-text", dependencies: [.product(name: "Retort", package: "retort")]),
        .executableTarget(name: "fuzz-database-url", dependencies: [.product(name: "Retort", package: "retort")]),
        .executableTarget(name: "fuzz-transfer-text", dependencies: [.product(name: "Retort", package: "retort")]),
    ]
)
