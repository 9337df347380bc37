"""Alembic's environment for the benchmark: the database in ALEMBIC_URL, the models in models.py."""
import os
import sys

from alembic import context
from sqlalchemy import create_engine

sys.path.insert(0, os.path.dirname(__file__))
from models import metadata  # noqa: E402

engine = create_engine(os.environ["ALEMBIC_URL"])
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
