import RetortCLI

// The migrate tool: the models and the revisions (listed at build time by the RetortRevisions plugin).
MigrateTool(name: "autotrainx", schema: autotrainxSchema, revisions: retortRevisions).main()
