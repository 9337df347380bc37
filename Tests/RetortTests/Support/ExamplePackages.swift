import Foundation
import Retort
import Testing

/// The example packages as the tests build them: copies outside the checkout, built in one shared
/// folder, their executables copied next to each copy.
enum ExamplePackages {
    /// A copy of the example outside the checkout (its build folder is kept between runs).
    static func prepareCopy(_ example: String = "tareas", as copy: String? = nil) throws -> URL {
        let work = repositoryRoot.appendingPathComponent(".build-e2e/\(copy ?? example)")
        let fm = FileManager.default
        try? fm.removeItem(at: work.appendingPathComponent("Sources"))
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        try? fm.removeItem(at: work.appendingPathComponent("Package.swift"))
        let example = repositoryRoot.appendingPathComponent("examples/\(example)")
        try fm.copyItem(at: example.appendingPathComponent("Sources"), to: work.appendingPathComponent("Sources"))
        let manifest = try String(contentsOf: example.appendingPathComponent("Package.swift"), encoding: .utf8)
            .replacingOccurrences(of: "path: \"../..\"", with: "path: \"\(repositoryRoot.path)\"")
        try manifest.write(to: work.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try? fm.removeItem(at: work.appendingPathComponent(".retort"))
        // SwiftPM may keep a stale build plan when the Retort dependency gains a file.
        try? fm.removeItem(at: work.appendingPathComponent(".build/debug.yaml"))
        return work
    }

    /// One build folder for every package the tests build: Retort and the packages the examples
    /// share are compiled once per run instead of once per package (a package switched in
    /// rebuilds only its own targets).
    static let sharedScratch = repositoryRoot.appendingPathComponent(".build-examples")
    private static let buildLock = NSLock()

    /// Builds a package (or one product of it) in the shared folder and copies its executables to
    /// the package's own `.build/debug/`, where the tests run them: the next package built may
    /// link an executable of the same name there. One build at a time.
    static func build(_ package: URL, product: String? = nil) throws {
        try exclusively { try buildUnlocked(package, product: product) }
    }

    private static let pristineLock = NSLock()
    nonisolated(unsafe) private static var pristine: String?

    /// The tareas migrate tool built from a copy of the example as committed, once per run, for
    /// tests that only run it.
    static func pristineTareasTool() throws -> String {
        pristineLock.lock()
        defer { pristineLock.unlock() }
        if let pristine { return pristine }
        let package = try prepareCopy("tareas", as: "tareas-pristine")
        try build(package)
        let tool = package.appendingPathComponent(".build/debug/tareas").path
        pristine = tool
        return tool
    }

    /// Runs `body` while no other test builds in the shared folder.
    static func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        buildLock.lock()
        defer { buildLock.unlock() }
        return try body()
    }

    private static func buildUnlocked(_ package: URL, product: String?) throws {
        let fm = FileManager.default
        // SwiftPM may keep a stale build plan when the Retort dependency gains a file.
        try? fm.removeItem(at: sharedScratch.appendingPathComponent("debug.yaml"))
        let result = try runProcess(
            swiftExecutable,
            ["build", "--package-path", package.path, "--scratch-path", sharedScratch.path] + (product.map { ["--product", $0] } ?? []))
        #expect(result.status == 0, "swift build failed:\n\(result.stdout)\n\(result.stderr)")
        if result.status != 0 { throw DatabaseError("build failed") }
        let manifest = try String(contentsOf: package.appendingPathComponent("Package.swift"), encoding: .utf8)
        let names = product.map { [$0] } ?? executables(in: manifest)
        let destination = package.appendingPathComponent(".build/debug")
        try fm.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in names {
            let built = sharedScratch.appendingPathComponent("debug/\(name)")
            guard fm.fileExists(atPath: built.path) else { continue }
            let copy = destination.appendingPathComponent(name)
            try? fm.removeItem(at: copy)
            try fm.copyItem(at: built, to: copy)
        }
    }

    /// The executables a manifest declares (products and executable targets).
    static func executables(in manifest: String) -> [String] {
        let pattern = #"\.(executable|executableTarget)\(\s*name:\s*"([^"]+)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(manifest.startIndex..., in: manifest)
        return regex.matches(in: manifest, range: range).compactMap { m in Range(m.range(at: 2), in: manifest).map { String(manifest[$0]) } }
    }
}
