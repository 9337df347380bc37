// swift-tools-version: 6.1
// The AI-training story: per-table revisions and `split`; the migrate tool is `ai_training`.
import PackageDescription

let package = Package(
    name: "ai_training",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "retort", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "ai_training",
            dependencies: [.product(name: "RetortCLI", package: "retort")],
            plugins: [.plugin(name: "RetortRevisions", package: "retort")]
        )
    ]
)
