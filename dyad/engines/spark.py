"""The Spark engine: the local engine's records, computed on a Spark cluster and written as Parquet.

Data flow (``run_spark``, one named step each; the executor side is ``dyad.engines.spark_tasks``):

1. ``list_inputs``: the driver lists the input files (any Hadoop-compatible URL) in the order the
   local engine reads them; a missing path is a read error;
2. ``read_articles``: executors read each file whole (``binaryFiles``) with dyad's own readers, so
   formats, origins and read errors are those of ``dyad ingest``; a bad line is an error record, never
   a failed task. Articles are keyed by the hash of their raw text: a repeated input is read once (the
   first in input order, as locally) and the shuffle spreads the articles over ``partitions``;
3. ``extract_documents``: ``mapPartitions`` runs the pipeline, built ONCE per Python worker process and
   kept for its later tasks, over plain article dicts (through ``local.extract_outcomes``: a failing
   article is an error outcome); documents with the same cleaned text (same id) keep the first in input
   order, the others add an ``inputs`` row only, as locally; rows come from ``store.rows.document_rows``;
4. ``table_frame``: every row becomes JSON in its table's column types, in one cached DataFrame;
5. ``write_document_tables``, then ``write_merged_events`` (events grouped by merge key, each group
   through ``store.merge.merge_events``): every table written with ``mode("overwrite")`` and the
   schema of the DuckDB store table;
6. ``write_manifest``: ``_dyad.json`` (counts, options, library versions) marks the directory finished.

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
import time
import warnings
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..config import DEFAULT_MODEL
from ..errors import ExtraMissing, JavaMissing, SparkOutputInUse
from ..ingest import DEFAULT_FIELDS, Fields, ReadError
from ..store.migrations import store_schema
from ..store.rows import TABLES as DOCUMENT_TABLES
from ..store.rows import settle_sql
from ..store.store import read_error_row
from ..store.versions import library_versions
from ..version import __version__
from . import spark_tasks as tasks
from .hadoop import list_inputs, read_text, remove, write_text

MANIFEST = "_dyad.json"
# Tables a Spark run writes, in the order ``dyad load`` inserts them.
OUTPUT_TABLES = DOCUMENT_TABLES + ("errors", "merged_events", "event_mentions")
# The one DataFrame every row passes through: table, shared-row key, input-order ordinals, row as JSON.
FRAME_SCHEMA = "tbl string, key string, oa long, ob long, oc long, payload string"
COUNTS_SCHEMA = "read long, skipped long, documents long, duplicates long, errors long"
# A local run shares this machine's cores between the JVM and the Python workers, and the JVM's
# optimising JIT compiler (C2) alone took ~20 CPU-seconds of a 300-article run on 2 cores; its quick
# compiler (C1) is plenty for the JVM's small part of the work (shuffles, JSON to Parquet).
LOCAL_DRIVER_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1"

__all__ = ["MANIFEST", "OUTPUT_TABLES", "DOCUMENT_TABLES", "SparkReport", "run_spark", "spark_session",
           "spark_struct", "list_inputs", "store_schema", "report_dict"]


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
    # extract_seconds, write_seconds, merge_seconds; workers: {pid: {tasks, task_seconds, builds, build_seconds}}
    extra: dict[str, Any] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "skipped": self.skipped, "documents": self.documents,
                "duplicates": self.duplicates, "errors": self.errors}


def report_dict(report: SparkReport) -> dict[str, Any]:
    return asdict(report)


# --- session and schema --------------------------------------------------------------------

def spark_session(master: str | None = None, *, app_name: str = "dyad ingest", conf: dict[str, str] | None = None):
    """A SparkSession (an existing one is reused, e.g. under ``spark-submit``)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise ExtraMissing("spark", "pyspark") from err
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise JavaMissing()
    defaults = {"spark.ui.showConsoleProgress": "false"}
    if master is None or master.startswith("local"):
        # local workers must run this interpreter (the one dyad is installed in), not `python3` on PATH
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        if "PYSPARK_GATEWAY_PORT" not in os.environ:  # this process starts the JVM (not spark-submit)
            defaults["spark.driver.extraJavaOptions"] = LOCAL_DRIVER_JAVA_OPTIONS
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in {**defaults, **(conf or {})}.items():
        builder = builder.config(key, value)
    with warnings.catch_warnings():  # pyspark's notice about pandas 3, which dyad does not use with Spark
        warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
        session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def spark_struct(columns: list[tuple[str, str]]):
    """The Spark schema whose Parquet files DuckDB reads back with exactly these column types."""
    from pyspark.sql import types as T

    spark_types = {"VARCHAR": T.StringType(), "INTEGER": T.IntegerType(), "BIGINT": T.LongType(),
                   "DOUBLE": T.DoubleType(), "BOOLEAN": T.BooleanType(), "DATE": T.DateType(),
                   "TIMESTAMP": T.TimestampNTZType()}  # NTZ: DuckDB TIMESTAMP, not TIMESTAMP WITH TIME ZONE
    return T.StructType([T.StructField(name, spark_types[kind], True) for name, kind in columns])


# --- driver: the run ----------------------------------------------------------------

def run_spark(
    paths: Iterable[str],
    out: str,
    *,
    spark=None,
    master: str | None = None,
    model: str = DEFAULT_MODEL,
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
    report = SparkReport()
    if spark is None:
        started = time.perf_counter()
        spark = spark_session(master)
        report.startup_seconds = time.perf_counter() - started
    run_started = time.perf_counter()
    started_at = dt.datetime.now().isoformat(timespec="seconds")
    paths = [str(p) for p in paths]
    report.partitions = partitions = partitions or max(2, 4 * spark.sparkContext.defaultParallelism)
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))  # the JVM side's shuffles, as the RDD side's
    claim_output(spark, out, (options or {}).get("paths", paths), overwrite=overwrite)
    out = out.rstrip("/")
    schema = store_schema()
    builds = spark.sparkContext.accumulator({}, tasks.CountsByProcess())
    files, missing = list_inputs(spark, paths)
    articles = read_articles(spark, files, fields=fields, published=published, partitions=partitions)
    documents = extract_documents(articles, model=model, kb_files=tuple(str(p) for p in kb_files), monadic=monadic,
                                  batch_size=batch_size, partitions=partitions, builds=builds)
    frame = table_frame(spark, documents, missing_path_items(missing, schema), schema)
    try:
        timed(report, "extract", lambda: count_rows(frame, report))  # read, NLP, rows (now cached)
        # {pid: {tasks, task_seconds, builds, build_seconds}}: a reused worker builds the pipeline once
        report.extra["workers"] = builds.value
        report.extra["python_worker_reuse"] = spark.sparkContext.getConf().get("spark.python.worker.reuse", "true")
        timed(report, "write", lambda: write_document_tables(spark, frame, out, schema))
        report.merged = timed(report, "merge", lambda: write_merged_events(spark, frame, out, schema, partitions,
                                                                           window_days))
    finally:
        frame.unpersist()
    report.seconds = time.perf_counter() - run_started
    write_manifest(spark, out, report, model=model, window_days=window_days, options=options or {},
                   started_at=started_at)
    return report


def timed(report: SparkReport, phase: str, step):
    """Run ``step()``, recording its seconds as ``report.extra[phase + "_seconds"]``."""
    started = time.perf_counter()
    try:
        return step()
    finally:
        report.extra[f"{phase}_seconds"] = time.perf_counter() - started


def claim_output(spark, out: str, paths: list[str], *, overwrite: bool) -> None:
    """Refuse a directory holding a finished run over other input (unless ``overwrite``), then mark
    it unfinished: the manifest is deleted until the run writes it again."""
    manifest = f"{out.rstrip('/')}/{MANIFEST}"
    previous = read_text(spark, manifest)
    if previous is not None and not overwrite:
        before = (json.loads(previous).get("options") or {}).get("paths")
        if before is not None and sorted(before) != sorted(paths):
            raise SparkOutputInUse(out, before)
    remove(spark, manifest)


def read_articles(spark, files: list[tuple[str, str]], *, fields: Fields, published: str | None, partitions: int):
    """An RDD of (input hash, (ordinal, article, n)), one per distinct raw text, and of
    (error key, (ordinal, error row, 0)) for what could not be read, over ``partitions``.

    Nothing is unioned in before the pipeline runs: a Python step over a union of Python RDDs takes
    a second Python worker per task, and workers that join late build the pipeline again."""
    sc = spark.sparkContext
    if not files:
        return sc.emptyRDD()
    origins = {uri: (index, origin) for index, (uri, origin) in enumerate(files)}
    raw = sc.binaryFiles(",".join(uri for uri, _ in files), minPartitions=max(1, min(len(files), partitions)))
    return raw.flatMap(lambda item: tasks.read_input_file(item, origins, fields, published)) \
        .reduceByKey(tasks.first_input, numPartitions=partitions)


def missing_path_items(missing: list[ReadError], schema: dict[str, list[tuple[str, str]]]) -> list[tuple]:
    """Paths that do not exist -> frame rows (their ``errors`` rows and counts), made on the driver;
    the same path given twice is one error row, as locally."""
    errors: dict[str, tuple] = {}
    for i, error in enumerate(missing):
        row = read_error_row(error, run_id=None)
        errors.setdefault(row["id"], ((-1, i), row, 0))
    return [tasks.encode(item, schema) for key, value in errors.items()
            for item in tasks.table_items(("error", key, value))]


def extract_documents(articles, *, model: str, kb_files: tuple[str, ...], monadic: bool, batch_size: int,
                      partitions: int, builds=None):
    """Articles -> ((kind, key), value): one per document id or error id, the first in input order."""
    outcomes = articles.mapPartitions(lambda items: tasks.extract_partition(
        items, model=model, kb_files=kb_files, monadic=monadic, batch_size=batch_size, builds=builds))
    # one shuffle for documents and errors alike, so the NLP runs once (error keys never meet document ids)
    return outcomes.map(lambda o: ((o[0], o[1]), o[2])).reduceByKey(tasks.reduce_outcome, numPartitions=partitions)


def table_frame(spark, documents, driver_items: list[tuple], schema: dict[str, list[tuple[str, str]]]):
    """Every table row, count and merge event as JSON in one DataFrame, cached; ``driver_items`` are
    rows already encoded on the driver.

    One Python pass turns every row into JSON; splitting, de-duplicating and writing the tables then
    runs in the JVM (from_json with each table's schema), so the rows are not unpickled once per table."""
    from pyspark import StorageLevel

    items = documents.map(lambda kv: (kv[0][0], kv[0][1], kv[1])).flatMap(tasks.table_items).map(
        lambda item: tasks.encode(item, schema))
    frame = spark.createDataFrame(items, FRAME_SCHEMA)
    if driver_items:  # a local relation, unioned in the JVM: no Python worker involved
        frame = frame.union(spark.createDataFrame(driver_items, FRAME_SCHEMA))
    frame.persist(StorageLevel.MEMORY_AND_DISK)
    return frame


def count_rows(frame, report: SparkReport) -> None:
    """The run's counts into ``report`` (the first action: it computes and caches ``frame``)."""
    from pyspark.sql import functions as F

    totals = frame.filter(F.col("tbl") == "_count").select(F.from_json("payload", COUNTS_SCHEMA).alias("c")) \
        .agg(*[F.sum(f"c.{name}").alias(name) for name in report.counts()]).collect()[0]
    for name in report.counts():
        setattr(report, name, int(totals[name] or 0))


def write_document_tables(spark, frame, out: str, schema: dict[str, list[tuple[str, str]]]) -> None:
    """The document tables and ``errors`` as Parquet, overwriting; a shared row keeps its first in input order."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    json_options = {"timestampNTZFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSSSS"}
    for table in DOCUMENT_TABLES + ("errors",):
        selected = frame.filter(F.col("tbl") == table)
        if table in tasks.SHARED_KEYS:  # the first row per key in input order, as INSERT OR IGNORE keeps locally
            first = Window.partitionBy("key").orderBy("oa", "ob", "oc")
            selected = selected.withColumn("_n", F.row_number().over(first)).filter(F.col("_n") == 1)
        rows = selected.select(F.from_json("payload", spark_struct(schema[table]), json_options).alias("r"))
        rows = rows.select("r.*")
        if table == "actors":  # settled from every document row, as the local store does (rows.settle_sql)
            rows = settled_actors(spark, frame, schema, json_options)
        rows.write.mode("overwrite").parquet(f"{out}/{table}")


def settled_actors(spark, frame, schema: dict[str, list[tuple[str, str]]], json_options: dict[str, str]):
    """The ``actors`` table: one row per actor id, each column voted by ``rows.settle_sql`` over the
    run's ``document_actors`` rows, so it does not depend on partitioning or input order."""
    from pyspark.sql import functions as F

    document_actors = frame.filter(F.col("tbl") == "document_actors").select(
        F.from_json("payload", spark_struct(schema["document_actors"]), json_options).alias("r")).select("r.*")
    document_actors.createOrReplaceTempView("dyad_document_actors")
    settled = spark.sql(settle_sql("dyad_document_actors")).withColumnRenamed("actor_id", "id")
    return settled.select(*(name for name, _ in schema["actors"]))


def write_merged_events(spark, frame, out: str, schema: dict[str, list[tuple[str, str]]], partitions: int,
                        window_days: int) -> int:
    """``merged_events`` and ``event_mentions`` as Parquet, merged per merge key; return the merged count."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    merged = frame.filter(F.col("tbl") == "_event").select("key", "payload").rdd \
        .map(lambda r: (r[0], tasks.decode_event(r[1]))).groupByKey(numPartitions=partitions) \
        .flatMap(lambda group: tasks.merge_group(group, window_days))
    merged.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for table in ("merged_events", "event_mentions"):
            columns = schema[table]
            rows = merged.filter(lambda t, table=table: t[0] == table).map(lambda t: tasks.coerce(t[1], columns))
            spark.createDataFrame(rows, spark_struct(columns)).write.mode("overwrite").parquet(f"{out}/{table}")
        return merged.filter(lambda t: t[0] == "merged_events").count()
    finally:
        merged.unpersist()


def write_manifest(spark, out: str, report: SparkReport, *, model: str, window_days: int,
                   options: dict[str, Any], started_at: str) -> None:
    """``_dyad.json``, written last: its presence marks the run finished."""
    sc = spark.sparkContext
    manifest = {"dyad_version": __version__, "engine": "spark", "spark_version": spark.version,
                "master": sc.master, "model": model, "versions": library_versions(model),
                "window_days": window_days, "partitions": report.partitions,
                "counts": report.counts(), "merged": report.merged, "tables": list(OUTPUT_TABLES),
                "options": options, "started": started_at,
                "finished": dt.datetime.now().isoformat(timespec="seconds"), "seconds": round(report.seconds, 3)}
    write_text(spark, f"{out}/{MANIFEST}", json.dumps(manifest, indent=2, sort_keys=True, default=str))
