import Foundation
import Hummingbird
import Logging
import Retort
import TareasSchema

// The task list as a service. Before it serves, it brings the database to head with Retort's
// start-up migrator: several instances starting at once apply each revision once, and an instance
// whose migration fails exits non-zero without serving.
let environment = ProcessInfo.processInfo.environment
let databaseURL = environment["DATABASE_URL"] ?? "sqlite:///tareas.sqlite"
let port = Int(environment["PORT"] ?? "") ?? 8080
var logger = Logger(label: "tareas-server")
logger.logLevel = .info

do {
    try await StartupMigrator(
        url: databaseURL, revisions: retortRevisions.revisions, settings: SessionSettings(lockTimeout: "60s"),
        logger: logger
    ).run()
} catch {
    logger.error("not serving: the database could not be brought to head: \(error)")
    exit(1)
}

/// One task, as `/tareas` lists it.
struct Tarea: Codable {
    var id: Int64
    var nombre: String
    var estado: String
}

/// The `/tareas` response.
struct Tareas: ResponseEncodable {
    var tareas: [Tarea]
}

let router = Router()
router.get("health") { _, _ -> String in
    "ok"
}
router.get("tareas") { _, _ -> Tareas in
    let db = try DatabaseURL(databaseURL).connect()
    defer { db.close() }
    return Tareas(tareas: try db.query("SELECT id, nombre, CAST(estado AS TEXT) FROM tareas ORDER BY id").map {
        Tarea(id: $0[0].int ?? 0, nombre: $0[1].string ?? "", estado: $0[2].string ?? "")
    })
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
logger.info("serving on port \(port)")
try await app.runService()
