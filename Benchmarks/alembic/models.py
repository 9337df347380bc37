"""SQLAlchemy models equal to retort-bench's generated schema (Benchmarks/Sources/retort-bench):
BENCH_TABLES tables of ten mixed-type columns, two indexes and a foreign key each, so that
`alembic check` against a database retort-bench set up compares a schema with no changes."""
import os

from sqlalchemy import (BigInteger, Boolean, Column, DateTime, ForeignKey, Identity, Index, Integer, MetaData, Numeric,
                        String, Table, Text, Uuid, text)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()
for i in range(int(os.environ.get("BENCH_TABLES", "2000"))):
    parent = 0 if i == 0 else (i - 1) // 2
    Table(
        f"bench_{i}", metadata,
        Column("id", BigInteger, Identity(), primary_key=True),
        Column("nombre", String(120), nullable=False),
        Column("descripcion", Text),
        Column("precio", Numeric(12, 2), nullable=False, server_default=text("0")),
        Column("cantidad", Integer, nullable=False, server_default=text("0")),
        Column("activo", Boolean, nullable=False, server_default=text("true")),
        Column("creado_en", DateTime(timezone=True), nullable=False, server_default=text("CURRENT_TIMESTAMP")),
        Column("codigo", Uuid),
        Column("datos", JSONB),
        Column("padre_id", BigInteger, ForeignKey(f"bench_{parent}.id", name=f"fk_bench_{i}_padre_id_bench_{parent}")),
        Index(f"ix_bench_{i}_nombre", "nombre"),
        Index(f"ix_bench_{i}_creado_en_activo", "creado_en", "activo"),
    )
