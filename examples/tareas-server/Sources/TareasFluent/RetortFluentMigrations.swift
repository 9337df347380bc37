// Written by Retort (`autogen --emit fluent`): every migration it wrote in this folder, in the
// order they run; new ones are appended. Add them to the app's migrations:
// `app.migrations.add(retortFluentMigrations)`, or `migrations.add(retortFluentMigrations)`.
import FluentKit

public let retortFluentMigrations: [any Migration] = [
    r20261124_011550_vhix_01_initial_create_usuarios(),
    r20261124_011550_vhix_02_initial_create_tareas(),
]
