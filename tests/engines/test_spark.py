"""The Spark engine gives the local engine's records, table by table; bad input is error records."""
from __future__ import annotations

import csv
import gzip
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import dyad.engines.spark as spark_engine
import dyad.engines.spark_tasks as spark_tasks
from dyad.config import DEFAULT_MODEL


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'dyad[spark]')"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "no Java runtime: `java` is not on PATH and JAVA_HOME is unset (apt-get install openjdk-17-jre-headless)"
    return None


SPARK_MISSING = _spark_missing()

GOLD = Path(__file__).resolve().parents[1] / "gold"

# Our own small articles: dyads in both directions, repeated reports of one event on neighbouring days
# (for merging), reported speech, quotations, dates of every granularity, and no event at all.
INVENTED = [
    ("Chile hosts Peru", "2024-03-06", "Chile hosted talks with Peru in Santiago on Monday."),
    ("Peru visits Chile", "2024-03-07", "Peruvian ministers met Chilean officials in Santiago on Monday to discuss the border."),
    ("Kenya and Uganda", "2024-05-02", "Kenya condemned Uganda on Tuesday over the seizure of a fishing boat on Lake Victoria."),
    ("Uganda replies", "2024-05-03", "Uganda rejected the accusation and summoned the Kenyan ambassador on Wednesday."),
    ("Norway aid", "2024-01-15", "Norway offered humanitarian aid to Sudan. The Norwegian foreign minister said the money would reach Darfur."),
    ("Japan and Korea", "2024-02-09", "Japan met South Korea in Tokyo on Friday. \u201cWe will work together,\u201d the Japanese prime minister said."),
    ("Korea and Japan", "2024-02-10", "South Korean diplomats met Japanese officials in Tokyo on Friday, a day after a missile test."),
    ("Sanctions", "2024-06-20", "The United States imposed sanctions on Nicaragua on Thursday, the Treasury said."),
    ("Sanctions again", "2024-06-21", "Washington imposed new sanctions on Nicaragua, officials said on Thursday."),
    ("Brazil Angola", "2024-03-07", "Brazil signed an agreement with Angola in Luanda in March 2024."),
    ("Troops", "2024-07-01", "Sudanese troops attacked rebels near El Fasher on Sunday, killing at least ten people."),
    ("Protest", "2024-04-16", "Thousands of workers protested in Santiago against the pension reform."),
    ("Ceasefire", "2023-08-03", "Colombia and the ELN agreed to a ceasefire in 2023, negotiators said."),
    ("Mediation", "2024-09-12", "Qatar offered to mediate between Israel and Hamas, the foreign ministry said on Wednesday."),
    ("Denial", "2024-09-13", "Russia denied that it had attacked Ukraine's grain port on Tuesday."),
    ("Threat", "2024-10-01", "Iran threatened to retaliate against Israel if the strikes continued."),
    ("Appeal", "2024-10-02", "The United Nations urged Ethiopia to allow aid convoys into Tigray."),
    ("Praise", "2024-11-05", "Germany praised France for its support of the climate accord on Monday."),
    ("Visit", "2024-11-06", "French President Emmanuel Macron visited Berlin on Monday, where he met Chancellor Olaf Scholz."),
    ("Arrest", "2024-12-01", "Police in Nairobi arrested twelve opposition supporters on Saturday."),
    ("Election", "2024-12-02", "Malawi's electoral commission announced a runoff; the opposition accused the commission of fraud."),
    ("Cats", "2024-03-06", "Burton thinks cats are cuties. Nothing else happened in the village that week."),
    ("Trade", "2024-08-08", "India and Bangladesh signed a trade agreement in Dhaka in August."),
    ("Expel", "2024-08-09", "Mali expelled the French ambassador on Monday and gave him 72 hours to leave."),
    ("Talks", "2024-08-10", "Serbia and Kosovo held talks in Brussels on Thursday under European Union mediation."),
    ("Aid", "2024-09-01", "Japan sent rescue teams to Afghanistan after the earthquake, the government said on Sunday."),
    ("Shoal", "2024-09-02", "China accused the Philippines of provoking a confrontation near the shoal on Saturday."),
    ("Quote", "2024-09-03", "\u201cWe do not accept this,\u201d said the Philippine coast guard spokesman. \u201cThe shoal is ours.\u201d"),
    ("Reciprocal", "2024-09-04", "Egypt and Ethiopia accused each other of violating the dam agreement."),
    ("Year only", "2024-09-05", "Turkey and Greece met in Athens in 2022 to settle the maritime dispute."),
]


def write_corpus(root: Path) -> list[str]:
    """Every reader and every kind of failure: JSONL (gold), CSV, JSONL.gz, .txt files in a directory."""
    import yaml

    root.mkdir(parents=True, exist_ok=True)
    with open(root / "gold.jsonl", "w", encoding="utf-8") as stream:
        for path in sorted(GOLD.glob("*.yaml")):
            gold = yaml.safe_load(path.read_text(encoding="utf-8"))
            stream.write(json.dumps({"id": gold["id"], "title": gold.get("title"), "published": str(gold["published"]),
                                     "text": gold["text"], "url": f"https://gold.example.org/{gold['id']}"}) + "\n")
    with open(root / "invented.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["title", "date", "text", "url"])
        for i, (title, published, text) in enumerate(INVENTED[:20]):
            writer.writerow([title, published, text, f"https://www.news{i % 3}.example.com/{i}"])
    with gzip.open(root / "more.jsonl.gz", "wt", encoding="utf-8") as stream:
        for title, published, text in INVENTED[20:]:
            stream.write(json.dumps({"title": title, "date": published, "text": text}) + "\n")
        stream.write("{not json\n")                                           # malformed line
        stream.write(json.dumps({"title": "no text here"}) + "\n")            # a record without text
        stream.write(json.dumps({"text": "", "title": "empty"}) + "\n")       # empty text
        stream.write(json.dumps({"text": INVENTED[0][2], "date": "2024-03-06"}) + "\n")   # a repeated input
        stream.write(json.dumps({"text": INVENTED[1][2] + "  ", "date": "2024-03-07"}) + "\n")  # same cleaned text
    texts = root / "texts"
    (texts / "sub").mkdir(parents=True, exist_ok=True)
    (texts / "one.txt").write_text("Border talks\n\nArmenia and Azerbaijan met in Almaty on Friday.\n", encoding="utf-8")
    (texts / "sub" / "two.txt").write_text("Ghana praised Togo for its help on Monday.\n", encoding="utf-8")
    (texts / "empty.txt").write_text("   \n", encoding="utf-8")               # an empty file
    (texts / ".hidden.txt").write_text("Never read.\n", encoding="utf-8")
    return [str(root / "gold.jsonl"), str(root / "invented.csv"), str(root / "more.jsonl.gz"), str(texts),
            str(root / "missing.jsonl")]


def table_rows(con, table: str, source: str | None = None) -> list[tuple]:
    """A table's rows, sorted, without the run-specific columns."""
    skip = {"errors": ("run_id", "created")}.get(table, ())
    from_ = source or table
    columns = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {from_}").fetchall() if r[0] not in skip]
    rows = con.execute(f"SELECT {', '.join(repr_column(c) for c in columns)} FROM {from_}").fetchall()
    return sorted(rows, key=lambda row: tuple((v is None, str(v)) for v in row))


def repr_column(name: str) -> str:
    return f'"{name}"'


COMPARED = ("documents", "inputs", "actors", "document_actors", "mentions", "events", "quotes", "errors",
            "merged_events", "event_mentions")
PARQUET_AS_LOCAL = ("documents", "inputs", "errors")  # tables holding no actor id


# --- fixtures -------------------------------------------------------------------------

@pytest.fixture(scope="session")
def spark():
    """One local[2] SparkSession for the whole test session."""
    if SPARK_MISSING:
        pytest.skip(SPARK_MISSING)
    session = spark_engine.spark_session("local[2]", app_name="dyad tests", conf={
        "spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4", "spark.default.parallelism": "2"})
    yield session
    session.stop()


@pytest.fixture(scope="module")
def runs(spark, tmp_path_factory):
    """The same corpus through the local engine (into DuckDB) and Spark (Parquet, then `load`)."""
    from dyad.engines.ingest import ingest
    from dyad.engines.load import load_parquet
    from dyad.store import Store

    root = tmp_path_factory.mktemp("spark")
    paths = write_corpus(root / "corpus")
    with Store.open(root / "local.duckdb") as store:
        local_report = ingest(store, paths, model=DEFAULT_MODEL, workers=1, merge_window_days=1)
    out = str(root / "out")
    spark_report = spark_engine.run_spark(paths, out, spark=spark, partitions=4, window_days=1)
    with Store.open(root / "spark.duckdb") as store:
        load_report = load_parquet(store, out)
    return {"root": root, "paths": paths, "out": out, "local": local_report, "spark": spark_report,
            "load": load_report}


# --- Spark against the local engine ---------------------------------------------------

@pytest.mark.spark
@pytest.mark.parametrize("table", COMPARED)
def test_spark_gives_the_local_engine_records(runs, table):
    import duckdb

    local = duckdb.connect(str(runs["root"] / "local.duckdb"), read_only=True)
    loaded = duckdb.connect(str(runs["root"] / "spark.duckdb"), read_only=True)
    parquet = f"read_parquet('{runs['out']}/{table}/*.parquet')"
    expected = table_rows(local, table)
    assert table_rows(loaded, table) == expected
    # The corpus surname join (dyad/store/surnames.py: "Trump" alone is Donald Trump) runs on the
    # whole store after an ingest or a load, not in Spark: the Parquet keeps each article's own
    # person ids, so the tables that hold actor ids match once loaded, the others as written.
    if table in PARQUET_AS_LOCAL:
        assert table_rows(duckdb.connect(), table, parquet) == expected
    if table in ("documents", "events", "errors", "merged_events"):
        assert expected, f"the corpus should exercise {table}"



@pytest.mark.spark
def test_counts_match_the_local_run(runs):
    assert runs["spark"].counts() == runs["local"].counts()
    assert runs["spark"].merged == runs["local"].merged
    counts = runs["spark"].counts()
    assert counts["skipped"] == 1 and counts["duplicates"] == 1
    assert counts["errors"] == 5  # malformed line, no text field, empty text, empty file, missing path


@pytest.mark.spark
def test_parquet_tables_have_the_store_schema(runs):
    import duckdb

    con = duckdb.connect()
    for table, columns in spark_engine.store_schema().items():
        if table not in spark_engine.OUTPUT_TABLES:
            continue
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{runs['out']}/{table}/*.parquet')").fetchall()
        assert [(name, kind) for name, kind, *_ in described] == columns, table


@pytest.mark.spark
def test_bad_input_becomes_error_records(runs):
    import duckdb

    con = duckdb.connect(str(runs["root"] / "spark.duckdb"), read_only=True)
    errors = {(Path(origin).name, line, stage): reason for origin, line, stage, reason in
              con.execute("SELECT origin, line, stage, reason FROM errors").fetchall()}
    assert errors[("more.jsonl.gz", 11, "read")].startswith("[E038] malformed JSON")
    assert errors[("more.jsonl.gz", 12, "read")].startswith("[E039] no text field")
    assert errors[("more.jsonl.gz", 13, "read")].startswith("[E039] no text field")
    assert errors[("empty.txt", None, "read")] == "[E034] file is empty"
    assert errors[("missing.jsonl", None, "read")] == "[E030] no such file or directory"
    run = con.execute("SELECT n_documents, n_errors, status FROM runs").fetchone()
    assert run == (runs["spark"].documents, 5, "finished")
    assert con.execute("SELECT count(DISTINCT run_id) FROM errors").fetchone()[0] == 1


@pytest.mark.spark
def test_each_python_worker_builds_the_pipeline_once_for_all_its_tasks(runs):
    workers = runs["spark"].extra["workers"]  # {pid: {tasks, task_seconds, builds, build_seconds}}
    assert sum(counts.get("tasks", 0) for counts in workers.values()) == runs["spark"].partitions
    assert all(counts.get("builds", 0) <= 1 for counts in workers.values())
    # worker reuse: some process ran several tasks with the pipeline its first task built
    assert any(counts.get("tasks", 0) > counts.get("builds", 0) for counts in workers.values())


@pytest.mark.spark
def test_a_local_session_runs_its_jvm_with_the_quick_jit_compiler_only(spark):
    options = spark.sparkContext.getConf().get("spark.driver.extraJavaOptions", "")
    assert spark_engine.LOCAL_DRIVER_JAVA_OPTIONS in options
    runtime_flags = spark.sparkContext._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
    assert "-XX:TieredStopAtLevel=1" in list(runtime_flags)


@pytest.mark.spark
def test_manifest_and_runs_row_record_the_library_versions(runs):
    import duckdb

    from dyad.store.versions import VERSION_COLUMNS, library_versions

    manifest = json.loads((Path(runs["out"]) / spark_engine.MANIFEST).read_text())
    assert manifest["versions"] == library_versions(DEFAULT_MODEL)
    con = duckdb.connect(str(runs["root"] / "spark.duckdb"), read_only=True)
    run = dict(zip(VERSION_COLUMNS, con.execute(f"SELECT {', '.join(VERSION_COLUMNS)} FROM runs").fetchone()))
    assert run == library_versions(DEFAULT_MODEL) and run["model_version"] and run["spacy_version"]


@pytest.mark.spark
def test_rerun_overwrites_with_the_same_rows_and_load_is_idempotent(runs, spark):
    import duckdb

    from dyad.engines.load import load_parquet
    from dyad.store import Store

    small = [runs["paths"][2], runs["paths"][3]]  # the gzip file and the text directory: every failure, few articles
    out = str(runs["root"] / "rerun")
    first = spark_engine.run_spark(small, out, spark=spark, partitions=3)
    before = {t: table_rows(duckdb.connect(), t, f"read_parquet('{out}/{t}/*.parquet')") for t in COMPARED}
    second = spark_engine.run_spark(small, out, spark=spark, partitions=2)  # other partitioning, same rows
    after = {t: table_rows(duckdb.connect(), t, f"read_parquet('{out}/{t}/*.parquet')") for t in COMPARED}
    assert before == after and first.counts() == second.counts()
    assert json.loads((Path(out) / spark_engine.MANIFEST).read_text())["counts"] == second.counts()

    db = runs["root"] / "reload.duckdb"
    with Store.open(db) as store:
        load_parquet(store, out)
        again = load_parquet(store, out)  # nothing new; merged events recomputed over the same events
        assert again.rows["documents"] == 0 and again.recomputed_merge
        assert store.count("documents") == first.documents


@pytest.mark.spark
def test_a_run_over_other_input_does_not_replace_a_finished_one(spark, tmp_path):
    from dyad.errors import SparkOutputInUse

    out = tmp_path / "out"
    out.mkdir()
    (out / spark_engine.MANIFEST).write_text(json.dumps({"options": {"paths": ["monday.jsonl"]}}))
    with pytest.raises(SparkOutputInUse, match="holds a finished Spark run over other input .monday.jsonl.*--overwrite"):
        spark_engine.run_spark(["tuesday.jsonl"], str(out), spark=spark, options={"paths": ["tuesday.jsonl"]})
    assert (out / spark_engine.MANIFEST).exists()  # untouched


# --- no Spark needed ------------------------------------------------------------------

class Exploding:
    """Stands in for a Pipeline: fails on one article, as a spaCy stage might."""

    def extract_many(self, articles):
        from conftest import make_document

        for article in articles:
            if article["text"] == "bad":
                raise RuntimeError("stage crashed")
            yield make_document(article["text"])


def test_a_failing_article_in_a_partition_becomes_an_error_record(monkeypatch):
    monkeypatch.setitem(spark_tasks._PIPELINES, ("fake", (), False), Exploding())
    items = [(f"k{i}", ((0, i), {"text": text, "origin": f"in.jsonl:{i + 1}", "source_id": None, "format": "jsonl",
                                 "title": None, "url": None, "published": None}, 1))
             for i, text in enumerate(["good one", "bad", "fine"])]
    out = list(spark_tasks.extract_partition(iter(items), model="fake", kb_files=(), monadic=False, batch_size=16))
    assert [kind for kind, *_ in out] == ["document", "error", "document"]
    error = out[1][2][1]
    assert (error["origin"], error["line"], error["stage"]) == ("in.jsonl", 2, "pipeline")
    assert error["reason"].startswith("[E044] RuntimeError: stage crashed")


def test_the_pipeline_is_built_once_per_worker_process(monkeypatch):
    built = []

    class Counting(Exploding):
        def __init__(self, *args, **kwargs):
            built.append(args)

    import dyad.pipeline

    monkeypatch.setattr(dyad.pipeline, "Pipeline", Counting)
    monkeypatch.setattr(spark_tasks, "_PIPELINES", {})
    items = lambda: iter([("k", ((0, 0), {"text": "x", "origin": "a.txt", "source_id": None, "format": "txt"}, 1))])
    for _ in range(3):
        list(spark_tasks.extract_partition(items(), model="m", kb_files=(), monadic=False, batch_size=4))
    assert built == [("m",)]


def test_missing_pyspark_names_the_extra(monkeypatch):
    from dyad.errors import ExtraMissing

    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(ExtraMissing, match=r"pip install 'dyad\[spark\]'"):
        spark_engine.spark_session("local[1]")


def test_missing_java_says_how_to_install_it(monkeypatch):
    pytest.importorskip("pyspark")
    from dyad.errors import JavaMissing

    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(JavaMissing, match="openjdk-17-jre-headless"):
        spark_engine.spark_session("local[1]")


def test_importing_dyad_and_the_engine_does_not_import_pyspark():
    import subprocess

    code = "import dyad, dyad.engines.spark, dyad.engines.load, sys; print('pyspark' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_load_refuses_an_unfinished_output(tmp_path):
    from dyad.engines.load import read_manifest
    from dyad.errors import NotASparkOutput

    (tmp_path / "documents").mkdir()
    with pytest.raises(NotASparkOutput, match="did not finish"):
        read_manifest(str(tmp_path))


def test_cli_rejects_spark_options_without_the_spark_engine(tmp_path):
    import subprocess

    dyad = str(Path(sys.executable).with_name("dyad"))
    done = subprocess.run([dyad, "ingest", "x.jsonl", "--out", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.startswith("Error: ") and "--engine spark" in done.stderr
    done = subprocess.run([dyad, "ingest", "x.jsonl", "--engine", "spark"], capture_output=True, text=True)
    assert done.returncode == 2 and "--out" in done.stderr
