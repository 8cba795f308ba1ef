"""What the Spark engine runs on executors: plain functions over plain tuples, imported by reference.

The driver (``dyad.engines.spark``) chains them; each is a pure step of the data flow so it can be
tested without Spark: read a file with dyad's readers, keep the first of repeated inputs, run the
pipeline over a partition (built once per Python worker process), reduce documents with the same
text, and turn a document's rows into JSON items for the JVM side.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from typing import Any

from ..ingest import Fields, ReadError, read_file
from ..store.merge import merge_events, merge_key
from ..store.rows import document_rows, input_hash
from ..store.store import pipeline_error_row, read_error_row, unique_rows
from .local import extract_outcomes

# Tables whose rows several documents (or input lines) may share: the first in input order wins.
SHARED_KEYS = {"actors": ("id",), "errors": ("id",)}
EVENT_DATES = ("date_start", "date_end", "published")

_PIPELINES: dict[tuple, Any] = {}  # one pipeline per (model, kb files, monadic) per Python worker process


# --- reading ------------------------------------------------------------------------------

def read_input_file(item: tuple[str, bytes], origins: dict[str, tuple[int, str]], fields: Fields,
                    published: str | None) -> Iterator[tuple]:
    """(URI, bytes) -> (input_hash, ((file, position), article, 1)) or (error key, (ordinal, error row, 0)).

    The bytes are spooled to a scratch file of the same name so dyad's readers (chosen by suffix) run
    unchanged; their origins are then rewritten to the input's own."""
    uri, data = item
    file_index, origin = origins[uri]
    scratch = tempfile.mkdtemp(prefix="dyad-spark-")
    local_path = os.path.join(scratch, os.path.basename(origin.rstrip("/")) or "input")
    try:
        with open(local_path, "wb") as stream:
            stream.write(data)
        for position, record in enumerate(read_file(local_path, fields=fields)):
            where = origin + record.origin[len(local_path):] if record.origin.startswith(local_path) else origin
            if isinstance(record, ReadError):
                row = read_error_row(record, run_id=None, origin=where)
                yield (f"!read {file_index} {position}", ((file_index, position), row, 0))
                continue
            article = {"text": record.text, "title": record.title, "url": record.url,
                       "published": record.published or published, "source_id": record.id,
                       "origin": where, "format": record.format}
            yield (input_hash(record.text), ((file_index, position), article, 1))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def first_input(a: tuple, b: tuple) -> tuple:
    """Reduce repeated raw texts to the first in input order, counting the repeats."""
    first = a if a[0] <= b[0] else b
    return (first[0], first[1], a[2] + b[2])


# --- NLP ----------------------------------------------------------------------------------

def worker_pipeline(model: str, kb_files: tuple[str, ...], monadic: bool, builds=None):
    """This Python worker's pipeline, built on first use and kept for its later tasks;
    ``builds`` (a Spark accumulator) hears of every build, with its process id and seconds."""
    key = (model, kb_files, monadic)
    if key not in _PIPELINES:
        from ..pipeline import Pipeline  # spaCy: imported where the NLP runs, not where tasks are planned

        started = time.perf_counter()
        _PIPELINES[key] = Pipeline(model, kb_files=kb_files, monadic=monadic)
        if builds is not None:
            builds.add({os.getpid(): {"builds": 1, "build_seconds": time.perf_counter() - started}})
    return _PIPELINES[key]


def extract_partition(items: Iterator[tuple], *, model: str, kb_files: tuple[str, ...], monadic: bool,
                      batch_size: int, builds=None) -> Iterator[tuple]:
    """(input_hash, (ordinal, article, n)) -> ("document", doc_id, value) or ("error", key, value), in chunks.

    ``builds`` (a Spark accumulator) counts this partition as a task of its worker process, with its
    seconds (from its first article to its last row, so including the pipeline build)."""
    started = time.perf_counter()
    pipeline = None
    chunk: list[tuple] = []

    def flush() -> Iterator[tuple]:
        articles = [dict(a, key=key) for key, (_, a, _) in chunk]
        for (key, (ordinal, article, n)), outcome in zip(chunk, extract_outcomes(pipeline, articles)):
            yield from outcome_items(key, ordinal, article, n, outcome)

    for item in items:
        if item[0].startswith("!"):  # a read error: passed on (input hashes are hex, never "!")
            ordinal, row, n = item[1]
            yield ("error", row["id"], (ordinal, row, n))
            continue
        if pipeline is None:
            pipeline = worker_pipeline(model, kb_files, monadic, builds)
        chunk.append(item)
        if len(chunk) >= batch_size:
            yield from flush()
            chunk = []
    if chunk:
        yield from flush()
    if builds is not None:
        builds.add({os.getpid(): {"tasks": 1, "task_seconds": time.perf_counter() - started}})


def outcome_items(key: str, ordinal: tuple, article: dict, n: int, outcome: dict) -> Iterator[tuple]:
    """An outcome -> ("error", key, (ordinal, row, n)) or ("document", doc_id, (ordinal, rows, [], n, 0))."""
    if "error" in outcome:
        row = pipeline_error_row(outcome["error"], run_id=None, origin=article["origin"])
        yield ("error", key, (ordinal, row, n))
        return
    doc = outcome["document"]
    rows = document_rows(doc, source_id=article["source_id"], origin=article["origin"],
                         file_format=article["format"], input_hash=key)
    rows = {table: unique_rows(table, table_rows) for table, table_rows in rows.items()}
    # value: (ordinal of the first input, rows, inputs of the same text, input count, duplicate count)
    yield ("document", doc["id"], (ordinal, rows, [], n, 0))


class CountsByProcess:
    """A Spark ``AccumulatorParam`` (by its two methods, so this module needs no pyspark) adding up
    per-process counters: {pid: {"tasks": n, "task_seconds": s, "builds": n, "build_seconds": s}}."""

    def zero(self, value: dict) -> dict:
        return {}

    def addInPlace(self, a: dict, b: dict) -> dict:  # noqa: N802 (pyspark's name)
        for pid, counts in b.items():
            mine = a.setdefault(pid, {})
            for name, value in counts.items():
                mine[name] = mine.get(name, 0) + value
        return a


# --- reducing -----------------------------------------------------------------------------

def first_document(a: tuple, b: tuple) -> tuple:
    """Reduce inputs with one cleaned text: the first in input order keeps its rows, the rest are ``inputs``."""
    first, other = (a, b) if a[0] <= b[0] else (b, a)
    other_inputs = other[1]["inputs"] if other[1] else []
    return (first[0], first[1], first[2] + [r["input_hash"] for r in other_inputs] + other[2],
            first[3] + other[3], first[4] + other[4] + 1)


def reduce_outcome(a: tuple, b: tuple) -> tuple:
    if len(a) == 3:  # the same failure reported twice (same error id): keep the first in input order
        return a if a[0] <= b[0] else b
    return first_document(a, b)


def table_items(item: tuple) -> Iterator[tuple]:
    """A reduced document or error -> (table, key, (ordinal, position, row)) items, and its counts."""
    kind, key, value = item
    if kind == "error":
        ordinal, row, n = value
        yield ("errors", row["id"], (ordinal, 0, row))
        # a read error is no article (n = 0); a pipeline failure is one, maybe repeated n times
        yield ("_count", None, {"read": n, "skipped": max(n - 1, 0), "errors": 1})
        return
    ordinal, rows, other_inputs, n, duplicates = value
    for table, table_rows in rows.items():
        for position, row in enumerate(table_rows):
            shared = SHARED_KEYS.get(table)
            row_key = tuple(row[k] for k in shared) if shared else None
            yield (table, row_key, (ordinal, position, row))
    for position, other in enumerate(other_inputs, start=1):
        yield ("inputs", None, (ordinal, position, {"input_hash": other, "document_id": key}))
    document = rows["documents"][0]
    for event in rows["events"]:
        merge_event = {**event, "url": document["url"], "domain": document["domain"], "published": document["published"]}
        yield ("_event", merge_key(event), merge_event)
    yield ("_count", None, {"read": n, "skipped": n - len(other_inputs) - 1, "documents": 1, "duplicates": duplicates})


# --- JSON for the JVM side ----------------------------------------------------------------

def coerce(row: dict[str, Any], columns: list[tuple[str, str]]) -> tuple:
    """A row dict as a tuple in column order, numbers cast as DuckDB would store them."""
    out = []
    for name, kind in columns:
        value = row.get(name)
        if value is not None:
            if kind == "DOUBLE":
                value = float(value)
            elif kind in ("INTEGER", "BIGINT"):
                value = int(value)
        out.append(value)
    return tuple(out)


def json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def encode(item: tuple, schema: dict[str, list[tuple[str, str]]]) -> tuple:
    """A table item -> (table, key, ordinal a, ordinal b, position, row as JSON in the table's column types)."""
    table, key, value = item
    if table == "_count":
        return (table, None, 0, 0, 0, json.dumps(value))
    if table == "_event":
        return (table, json.dumps(key), 0, 0, 0, json.dumps(value, default=json_value))
    (ordinal_a, ordinal_b), position, row = value
    columns = schema[table]
    payload = dict(zip((name for name, _ in columns), coerce(row, columns)))
    return (table, None if key is None else json.dumps(key), ordinal_a, ordinal_b, position,
            json.dumps(payload, default=json_value, ensure_ascii=False))


def decode_event(payload: str) -> dict[str, Any]:
    event = json.loads(payload)
    for name in EVENT_DATES:
        if event.get(name):
            event[name] = dt.date.fromisoformat(event[name])
    return event


# --- merging ------------------------------------------------------------------------------

def merge_group(group: tuple, window_days: int) -> Iterator[tuple]:
    """One merge key's events -> merged_events and event_mentions rows, by the local merge code."""
    merged, links = merge_events(list(group[1]), window_days=window_days)
    for row in merged:
        yield ("merged_events", row)
    for row in links:
        yield ("event_mentions", row)
