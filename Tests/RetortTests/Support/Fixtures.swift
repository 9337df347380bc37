import Retort

/// Model sets the tests run through every dialect.
enum Fixtures {
    /// The task-list story at its last stage.
    static let tareas = Schema {
        Table("tareas", comment: "Tareas pendientes y hechas") {
            Column("id", .integer).primaryKey(autoincrement: true)
            Column("nombre", .string(200)).indexed()
            Column("completada", .boolean, default: false)
            Column("prioridad", .smallint, default: 3)
            Column("creado_en", .timestamp, default: .currentTimestamp)
            Column("actualizado_en", .timestamp, nullable: true)
            Column("descripcion", .string(500), nullable: true, comment: "Descripción larga")
            Column("etiquetas", .json, nullable: true)
            Check("ck_tareas_prioridad", "prioridad BETWEEN 1 AND 5")
        }
    }

    /// Composite keys, a self-reference, several foreign keys, unique and check constraints,
    /// and every portable type.
    static let shop = Schema {
        Table("clientes") {
            Column("id", .bigint).primaryKey(autoincrement: true)
            Column("email", .string(320)).unique()
            Column("nombre", .text)
            Column("referido_por", .bigint, nullable: true).references("clientes", "id", onDelete: .setNull)
            Column("activo", .boolean, default: true)
            Column("alta", .date, default: .currentDate)
        }
        Table("productos") {
            Column("sku", .string(32)).primaryKey()
            Column("precio", .decimal(10, 2), default: 0)
            Column("peso", .real, nullable: true)
            Column("ratio", .double, nullable: true)
            Column("codigo", .uuid)
            Column("ficha", .json, nullable: true)
            Column("foto", .blob, nullable: true)
            Column("stock", .integer, default: 0)
            Column("minimo", .smallint, default: 1)
            Column("actualizado", .timestamptz, default: .currentTimestamp)
            Column("notas", .text, nullable: true, default: "sin notas")
            Unique("codigo", name: "uq_productos_codigo")
            Check("ck_productos_precio", "precio >= 0")
            Index("precio", "stock")
        }
        Table("pedidos") {
            Column("cliente_id", .bigint)
            Column("numero", .integer)
            Column("creado", .timestamp, default: .currentTimestamp)
            Column("estado", .enumeration("estado_pedido", ["nuevo", "pagado", "enviado"]), default: "nuevo")
            PrimaryKey("cliente_id", "numero")
            ForeignKey("cliente_id", references: "clientes", "id", onDelete: .cascade)
        }
        Table("lineas") {
            Column("cliente_id", .bigint)
            Column("numero", .integer)
            Column("linea", .integer)
            Column("sku", .string(32))
            Column("cantidad", .integer, default: 1)
            PrimaryKey("cliente_id", "numero", "linea")
            ForeignKey(["cliente_id", "numero"], references: "pedidos", ["cliente_id", "numero"], onDelete: .cascade)
            ForeignKey("sku", references: "productos", "sku", onUpdate: .cascade)
            Check("ck_lineas_cantidad", "cantidad > 0")
            Index("sku", "cantidad", unique: true, name: "ux_lineas_sku_cantidad")
        }
    }

    /// Identifiers that need quoting: reserved words, mixed case, quotes, spaces, non-ASCII.
    static let awkward = Schema {
        Table("order") {
            Column("select", .integer).primaryKey()
            Column("MixedCase", .text, nullable: true)
            Column("with \"quote\"", .string(10), nullable: true)
            Column("with space", .integer, default: 0)
            Unique("with \"quote\"", "with space")
        }
        Table("categoría") {
            Column("id", .integer).primaryKey()
            Column("año", .integer).indexed()
            Column("order", .integer, nullable: true).references("order", "select")
        }
    }

    static let all: [(String, Schema)] = [("tareas", tareas), ("shop", shop), ("awkward", awkward)]
}
