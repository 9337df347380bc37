"""twenty tables (the tenants are created at this revision by the benchmark's setup)"""
import sqlalchemy as sa
from alembic import op

revision = "a1"
down_revision = None


def upgrade():
    for i in range(1, 21):
        op.create_table(
            "t%02d" % i,
            sa.Column("id", sa.BigInteger, primary_key=True),
            sa.Column("name", sa.String(100), nullable=False),
            sa.Column("amount", sa.Numeric(12, 2)),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("active", sa.Boolean, nullable=False),
        )


def downgrade():
    for i in range(20, 0, -1):
        op.drop_table("t%02d" % i)
