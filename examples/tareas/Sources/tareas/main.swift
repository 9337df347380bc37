import RetortCLI
import TareasSchema

// The migrate tool: the models and the revisions of the TareasSchema module (listed at build time by
// the RetortRevisions plugin), shared with the tareas-server app (examples/tareas-server).
MigrateTool(name: "tareas", schema: tareasSchema, revisions: retortRevisions).main()
