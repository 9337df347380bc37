"""a column and an index: what Retort's r2 does"""
import sqlalchemy as sa
from alembic import op

revision = "a2"
down_revision = "a1"


def upgrade():
    op.add_column("t01", sa.Column("note", sa.Text))
    op.create_index("ix_t01_note", "t01", ["note"])


def downgrade():
    op.drop_index("ix_t01_note", "t01")
    op.drop_column("t01", "note")
