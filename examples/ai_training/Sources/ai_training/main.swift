import RetortCLI

// The migrate tool of the AI-training story.
MigrateTool(name: "ai_training", schema: aiTrainingSchema, revisions: retortRevisions).main()
