"""Throughput of the Spark engine (local[2]) against the local engine with 2 processes, same articles.

Reads the first N articles of the AllSides corpus (../shared/data/allsides by default) into one JSONL
file and runs, in this one process:

- the local engine: ``dyad ingest --workers 2`` into a fresh DuckDB (merging included);
- the Spark engine: ``dyad ingest --engine spark --master local[2]`` into Parquet (reading, NLP,
  merging and writing every table), then ``dyad load`` of that output into a fresh DuckDB.

Both include building the pipeline in each of their 2 worker processes (Spark's line "pipeline
builds" shows, per Python worker process, how many tasks it ran and how often it built the pipeline:
once each, when workers are reused). Spark's JVM and session start-up is timed apart; the ratio
(goal >= 0.7) is Spark's throughput without start-up over the local engine's, then with it. The load
average before and after each engine is printed, since a shared machine skews both; so are the CPU
seconds each engine's process tree used, a figure other load barely moves.

    python bench/bench_spark.py [--limit 2000] [--data FILE] [--partitions N]
"""
from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides" / "allsides_articles.jsonl.gz"


def first_lines(path: Path, limit: int, out: Path) -> int:
    with gzip.open(path, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        n = 0
        for n, line in enumerate(src, start=1):
            if n > limit:
                return limit
            dst.write(line)
    return n


def run_local(corpus: Path, tmp: Path, batch_size: int):
    from dyad.config import DEFAULT_MODEL
    from dyad.engines.ingest import ingest
    from dyad.store import Store

    with Store.open(tmp / "local.duckdb") as store:
        start = time.perf_counter()
        report = ingest(store, [str(corpus)], model=DEFAULT_MODEL, workers=2, batch_size=batch_size)
        return time.perf_counter() - start, report


def tree_cpu_seconds(root: int | None = None) -> float:
    """CPU seconds (user + system) used so far by this process and every live descendant, plus the
    children each has reaped (Linux /proc); a figure the machine's other load barely moves."""
    root = root or os.getpid()
    tick = os.sysconf("SC_CLK_TCK")
    parents, cpu = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        cpu[int(entry)] = sum(int(v) for v in fields[11:15]) / tick  # utime stime cutime cstime
    def descends(pid: int) -> bool:
        while pid > 1:
            if pid == root:
                return True
            pid = parents.get(pid, 0)
        return False
    return sum(seconds for pid, seconds in cpu.items() if descends(pid))


def load_average() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def worker_line(workers: dict) -> str:
    """{pid: {tasks, task_seconds, builds, build_seconds}} -> one line per process, as the accumulator reported it."""
    return "; ".join(f"pid {pid}: {int(c.get('tasks', 0))} task(s) in {c.get('task_seconds', 0):.1f} s, "
                     f"{int(c.get('builds', 0))} build(s)" + (f" ({c['build_seconds']:.1f} s)" if c.get("build_seconds") else "")
                     for pid, c in sorted(workers.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--partitions", type=int, default=None, help="Spark partitions (default: 4 per core)")
    parser.add_argument("--spark-only", action="store_true", help="skip the local engine (for trying Spark settings)")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"Error: {args.data}: no such file; pass --data with allsides_articles.jsonl.gz")
    from dyad.engines.load import load_parquet
    from dyad.engines.spark import run_spark, spark_session
    from dyad.store import Store

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus.jsonl"
        n = first_lines(args.data, args.limit, corpus)
        print(f"articles: {n}  CPUs: {os.cpu_count()}  (local engine: 2 processes; Spark: local[2])")

        local = None
        if not args.spark_only:
            print(f"before the local engine: {load_average()}")
            cpu = tree_cpu_seconds()
            local_s, local = run_local(corpus, tmp, args.batch_size)
            local_cpu = tree_cpu_seconds() - cpu
            local_rate = local.read / local_s
            print(f"local engine : {local_s:7.1f} s  {local_rate:6.2f} articles/s  "
                  f"({local.documents} documents, {local.errors} errors, {local.merged} merged events); "
                  f"CPU {local_cpu:.1f} s")

        print(f"before Spark: {load_average()}")
        start = time.perf_counter()
        spark = spark_session("local[2]", app_name="dyad bench", conf={"spark.ui.enabled": "false"})
        startup_s = time.perf_counter() - start
        cpu = tree_cpu_seconds()
        report = run_spark([str(corpus)], str(tmp / "out"), spark=spark, batch_size=args.batch_size,
                           partitions=args.partitions)
        spark_cpu = tree_cpu_seconds() - cpu  # the driver, the JVM and its Python workers
        spark_s = report.seconds
        spark_rate = report.read / spark_s
        print(f"Spark start  : {startup_s:7.1f} s  (JVM and SparkSession, once per job)")
        print(f"Spark engine : {spark_s:7.1f} s  {spark_rate:6.2f} articles/s  ({report.documents} documents, "
              f"{report.errors} errors, {report.merged} merged events, {report.partitions} partitions); "
              f"CPU {spark_cpu:.1f} s")
        print("    of which: " + ", ".join(f"{name.replace('_seconds', '')} {value:.1f} s"
                                        for name, value in report.extra.items() if name.endswith("_seconds")))
        print(f"    pipeline builds: {worker_line(report.extra.get('workers', {}))} "
              f"(spark.python.worker.reuse={report.extra.get('python_worker_reuse')})")
        with Store.open(tmp / "spark.duckdb") as store:
            start = time.perf_counter()
            load_parquet(store, str(tmp / "out"))
            load_s = time.perf_counter() - start
        print(f"dyad load    : {load_s:7.1f} s  (Parquet into DuckDB)")
        spark.stop()
        print(f"after Spark: {load_average()}")
        if local is None:
            return
        same = report.counts() == local.counts() and report.merged == local.merged
        print(f"same counts as the local engine: {'yes' if same else 'NO'}")
        print(f"throughput ratio Spark/local: {spark_rate / local_rate:.2f} without start-up, "
              f"{report.read / (spark_s + startup_s) / local_rate:.2f} with start-up (goal >= 0.7)")
        print(f"CPU ratio local/Spark: {local_cpu / spark_cpu:.2f} (the same ratio in CPU seconds, which a busy "
              "machine skews far less than wall time)")
        print(f"per-core rate (Spark): {spark_rate / 2:.2f} articles/s/core")


if __name__ == "__main__":
    main()
