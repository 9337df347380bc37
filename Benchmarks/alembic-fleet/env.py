"""Alembic's environment for Benchmarks/fleet.sh: the schema-per-tenant recipe of Alembic's
cookbook ("Rudimental Schema-Level Multi Tenancy for PostgreSQL Databases"): the tenant comes
from `-x tenant=NAME`, the session's search path starts there, and the version table lives in
the tenant's schema. One `alembic upgrade head` process per tenant, as the cookbook runs it."""
import os

from alembic import context
from sqlalchemy import create_engine, text

tenant = context.get_x_argument(as_dictionary=True).get("tenant")
engine = create_engine(os.environ["ALEMBIC_URL"])
with engine.connect() as connection:
    connection.execute(text('SET search_path TO "%s"' % tenant))
    connection.commit()
    connection.dialect.default_schema_name = tenant
    context.configure(connection=connection, target_metadata=None, version_table_schema=tenant)
    with context.begin_transaction():
        context.run_migrations()
