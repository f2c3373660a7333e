"""Alembic environment: run against the engine Lavka hands over, in batch mode for SQLite."""

from alembic import context

from models import Base

config = context.config


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if config.attributes.get("connection") is not None:  # inside the caller's transaction
    run(config.attributes["connection"])
else:
    engine = config.attributes.get("engine")
    if engine is None:  # `alembic` command line during development: a scratch file
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3")
    with engine.begin() as connection:
        run(connection)
