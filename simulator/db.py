"""Database engine and the one-session-per-request helper (SQLAlchemy 2)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app, g
from sqlalchemy import Engine, MetaData, create_engine, event, inspect, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import StaticPool

_EXTENSION = "simulator.db"


class Base(DeclarativeBase):
    pass


@dataclass
class Database:
    engine: Engine
    factory: sessionmaker[Session]
    # An in-memory SQLite database is ONE connection shared by every thread (StaticPool); SQLAlchemy
    # resets (rolls back) it whenever any session closes, which would undo another thread's open work.
    # So sessions on such a database take turns. File databases get a no-op lock.
    lock: contextlib.AbstractContextManager[Any] = field(default_factory=contextlib.nullcontext)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session outside the request cycle (control API polling, start-up loading)."""
        with self.lock, self.factory() as session:
            try:
                yield session
            except BaseException:
                session.rollback()
                raise


def _is_memory(url: str) -> bool:
    return url in ("sqlite://", "sqlite:///:memory:") or "mode=memory" in url


# The databases whose locking the simulator relies on (see `insert_for` and security's session lock).
SUPPORTED = ("sqlite", "postgresql")


def database_url(configured: str) -> str:
    """The URL to connect to: `postgresql://` means the psycopg (3) driver, the one the project installs."""
    url = make_url(configured)
    if url.get_backend_name() not in SUPPORTED:
        raise ValueError(
            f"DATABASE_URL: {url.get_backend_name()!r} is not supported (use {' or '.join(SUPPORTED)})"
        )
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def init_db(app: Flask) -> Database:
    url = database_url(app.config["DATABASE_URL"])
    if _is_memory(url):
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, poolclass=StaticPool, future=True
        )
        database = Database(engine, sessionmaker(engine, expire_on_commit=False), threading.RLock())
    else:
        connect_args = {"check_same_thread": False, "timeout": 30} if url.startswith("sqlite") else {}
        engine = create_engine(url, connect_args=connect_args, future=True)
        database = Database(engine, sessionmaker(engine, expire_on_commit=False))
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _enable_foreign_keys)
    # The core's tables; each portal's were declared when `simulator.portals` imported it.
    from simulator import models  # noqa: F401

    _create_or_rebuild_tables(engine)
    app.extensions[_EXTENSION] = database
    app.teardown_appcontext(_close_request_session)
    return database


def _create_or_rebuild_tables(engine: Engine) -> None:
    """Create the tables; a database left by an older simulator (other tables, columns or indexes) is rebuilt.

    Its rows are lost with its schema: the data set is then loaded into the new, empty tables.
    """
    existing = inspect(engine)
    names = set(existing.get_table_names())
    outdated = bool(names - set(Base.metadata.tables)) or any(
        {c["name"] for c in existing.get_columns(table.name)} != set(table.columns.keys())
        # A unique index the limits rely on must be there (others the database adds are ignored).
        or bool({i.name for i in table.indexes} - _index_names(engine, table.name))
        for table in Base.metadata.sorted_tables
        if table.name in names
    )
    if outdated:
        found = MetaData()
        found.reflect(engine)
        found.drop_all(engine)
    Base.metadata.create_all(engine)


def _index_names(engine: Engine, table: str) -> set[str]:
    """The table's index names, read from the catalogue: SQLAlchemy's reflection skips expression
    indexes on SQLite (lower(username)), which would make every start look outdated and wipe the data."""
    query = (
        "SELECT indexname FROM pg_indexes WHERE tablename = :table"
        if engine.dialect.name == "postgresql"
        else "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :table"
    )
    with engine.connect() as connection:
        return {str(row[0]) for row in connection.execute(text(query), {"table": table})}


def _enable_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def insert_for(db: Session, model: type[Base]) -> sqlite.Insert | postgresql.Insert:
    """An INSERT with this database's `ON CONFLICT` clauses (the same on SQLite and PostgreSQL)."""
    if db.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model)
    return sqlite.insert(model)


def get_database(app: Flask | None = None) -> Database:
    database: Database = (app or current_app).extensions[_EXTENSION]
    return database


def get_session() -> Session:
    """The current request's session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        database = get_database()
        database.lock.__enter__()
        g.db_lock = database.lock
        g.db_session = database.factory()
    session: Session = g.db_session
    return session


def _close_request_session(exc: BaseException | None) -> None:
    session: Session | None = g.pop("db_session", None)
    if session is None:
        return
    try:
        if exc is not None:
            session.rollback()
        session.close()
    finally:
        g.pop("db_lock").__exit__(None, None, None)


def reset_schema(app: Flask | None = None) -> None:
    """Empty every table (the control API's reset)."""
    database = get_database(app)
    with database.lock, database.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
