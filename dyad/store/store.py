"""The DuckDB store: one writer process, read-only connections for everything else."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from typing import Any

from ..errors import E_ARTICLE_FAILED, StoreLocked, StoreMissing, StoreNotDuckDB, StoreOutdated
from .migrations import MIGRATIONS, apply_pending
from .rows import SETTLED_COLUMNS, TABLES, settle_sql, short_hash
from .versions import VERSION_COLUMNS

LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<holder>.+?)(?:\. See also|$)")
ORIGIN_LINE = re.compile(r"^(?P<file>.*?):(?P<line>\d+)$")


class Store:
    """A dyad database. ``Store.open(path)`` creates it and applies pending migrations."""

    def __init__(self, con, path: str, *, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> "Store":
        import duckdb

        path = str(path)
        if read_only and not os.path.exists(path):
            raise StoreMissing(path)
        try:
            con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as err:
            message = str(err)
            if "not a valid DuckDB database" in message or "not a DuckDB" in message.lower():
                raise StoreNotDuckDB(path) from err
            if match := LOCK_HOLDER.search(message):
                raise StoreLocked(path, match["holder"]) from err
            raise
        store = cls(con, path, read_only=read_only)
        if not read_only:
            apply_pending(con)
        elif pending := store.pending_migrations():
            has_ledger = store._has_ledger()
            con.close()
            if not has_ledger:
                raise StoreNotDuckDB(path)
            raise StoreOutdated(path, pending)
        return store

    def _has_ledger(self) -> bool:
        return bool(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'").fetchone()[0])

    def pending_migrations(self) -> list[str]:
        if not self._has_ledger():
            return [name for name, _ in MIGRATIONS]
        applied = {r[0] for r in self.con.execute("SELECT name FROM migrations").fetchall()}
        return [name for name, _ in MIGRATIONS if name not in applied]

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading -------------------------------------------------------------

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def ids(self, table: str, column: str) -> set[str]:
        return {row[0] for row in self.con.execute(f"SELECT {column} FROM {table}").fetchall()}

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # --- writing (one writer) --------------------------------------------------

    def start_run(self, *, dyad_version: str, model: str, options: dict[str, Any],
                  versions: dict[str, str | None] | None = None) -> int:
        """A ``runs`` row marked running; ``versions`` fills the library version columns
        (``dyad.store.versions.library_versions``)."""
        # One writer holds the database at a time, so a run still marked running when a new one
        # starts was killed before it could finish.
        self.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        versions = versions or {}
        return self.con.execute(
            f"INSERT INTO runs (dyad_version, model, options, started, status, {', '.join(VERSION_COLUMNS)}) "
            f"VALUES (?, ?, ?, current_timestamp, 'running', {', '.join('?' for _ in VERSION_COLUMNS)}) RETURNING id",
            [dyad_version, model, json.dumps(options, sort_keys=True, default=str),
             *(versions.get(column) for column in VERSION_COLUMNS)],
        ).fetchone()[0]

    def finish_run(self, run_id: int, counts: dict[str, int], *, status: str = "finished") -> None:
        """End the run's row: ``finished``, or ``interrupted`` when it was stopped (its counts so far)."""
        self.con.execute(
            "UPDATE runs SET finished = current_timestamp, status = ?, n_read = ?, n_skipped = ?, "
            "n_documents = ?, n_duplicates = ?, n_errors = ? WHERE id = ?",
            [status, counts.get("read", 0), counts.get("skipped", 0), counts.get("documents", 0),
             counts.get("duplicates", 0), counts.get("errors", 0), run_id],
        )

    def write(self, rows: dict[str, list[dict[str, Any]]], errors: list[dict[str, Any]] = ()) -> None:
        """Insert whole documents' rows and error rows in ONE transaction (all or nothing); the
        actors they name are settled again from all their documents in the same transaction."""
        import pyarrow as pa

        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in TABLES:
                table_rows = unique_rows(table, rows.get(table, []))
                if table_rows:
                    self._insert(table, pa.Table.from_pylist(table_rows))
            if errors:
                self._insert("errors", pa.Table.from_pylist(unique_rows("errors", list(errors))))
            if rows.get("actors"):
                self.settle_actors(sorted({row["id"] for row in rows["actors"]}))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def settle_actors(self, actor_ids: list[str] | None = None) -> None:
        """Set each actor's name, kind, code, country and sector to what most of its documents say
        (``rows.settle_sql``), for ``actor_ids`` or every actor: the same whatever the input order."""
        import pyarrow as pa

        where = ""
        if actor_ids is not None:
            self.con.register("_touched", pa.table({"id": pa.array(actor_ids, pa.string())}))
            where = "WHERE actor_id IN (SELECT id FROM _touched)"
        try:
            columns = ", ".join(f"{c} = s.{c}" for c in SETTLED_COLUMNS)
            self.con.execute(f"UPDATE actors SET {columns} FROM ({settle_sql('document_actors', where)}) s "
                             "WHERE actors.id = s.actor_id")
        finally:
            if actor_ids is not None:
                self.con.unregister("_touched")

    def _insert(self, table: str, arrow_table) -> None:
        self.con.register("_incoming", arrow_table)
        try:
            self.con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT * FROM _incoming")
        finally:
            self.con.unregister("_incoming")


def error_row(*, run_id: int | None, origin: str, stage: str, reason: str, code: str | None = None) -> dict[str, Any]:
    """An ``errors`` row, its reason led by its code in ``dyad.errors`` ("[E036] not valid UTF-8 ...");
    the id (over the reason without the code, as rows stored before codes were) makes a re-run's
    identical failure a no-op."""
    match = ORIGIN_LINE.match(origin)
    return {
        "id": short_hash(origin, stage, reason), "run_id": run_id,
        "origin": match["file"] if match else origin, "line": int(match["line"]) if match else None,
        "stage": stage, "reason": f"[{code}] {reason}" if code else reason, "created": dt.datetime.now(),
    }


def read_error_row(error, *, run_id: int | None, origin: str | None = None) -> dict[str, Any]:
    """The ``errors`` row of a reader's ``ReadError`` (at ``origin`` when the engine renamed its file)."""
    return error_row(run_id=run_id, origin=origin or error.origin, stage="read", reason=error.reason, code=error.code)


def pipeline_error_row(reason: str, *, run_id: int | None, origin: str) -> dict[str, Any]:
    """The ``errors`` row of an article the pipeline raised on."""
    return error_row(run_id=run_id, origin=origin, stage="pipeline", reason=reason, code=E_ARTICLE_FAILED)


_KEYS = {"documents": ("id",), "inputs": ("input_hash",), "actors": ("id",),
         "document_actors": ("document_id", "local_id"), "mentions": ("document_id", "local_actor_id", "seq"),
         "events": ("document_id", "id"), "quotes": ("document_id", "id"), "errors": ("id",)}


def unique_rows(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """First row per primary key (INSERT OR IGNORE does not dedupe inside one statement)."""
    keys = _KEYS[table]
    seen: set[tuple] = set()
    out = []
    for row in rows:
        key = tuple(row[k] for k in keys)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out
