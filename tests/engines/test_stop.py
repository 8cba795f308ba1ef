"""Stopping ``dyad ingest``: SIGTERM or SIGINT is one ``Error:`` line, the workers go with the main
process (even on ``kill -9``), nothing partial is committed, and the next run finishes the data."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import wait_for_first_commit
from dyad.store import Store

pytestmark = pytest.mark.model

COUNTRIES = ["Chile", "Peru", "Brazil", "Angola", "France", "Germany", "Japan", "Kenya", "Ghana", "Norway"]
N_ARTICLES = 60


def write_corpus(path: Path) -> None:
    lines = []
    for i in range(N_ARTICLES):
        a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
        lines.append(json.dumps({"id": f"n{i}", "published": "2024-03-06", "text": (
            f"{a} hosted talks with {b} in its capital on Monday, article {i}. "
            f"\"We agreed on trade,\" said the foreign minister of {a}. {b} condemned the plan on Tuesday.")}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dyad.cli", "ingest", str(corpus), "--db", str(db), "--workers", "2",
            "--batch-size", "2", "--no-progress"]


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def start_and_stop(corpus: Path, db: Path, signum: int) -> tuple[subprocess.Popen, str, set[int]]:
    """Start an ingest, wait until it has committed some documents with its workers busy, send
    ``signum`` to the main process only; return it, its standard error and the processes it had
    started that still run 2 s after it ended."""
    process = subprocess.Popen(ingest_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    wait_for_first_commit(process, f"{db}.wal", time.monotonic() + 120)
    assert process.poll() is None, "the run ended before it could be stopped: use more articles"
    workers = descendants(process.pid)
    assert workers, "the run should have worker processes"
    os.kill(process.pid, signum)
    process.wait(timeout=60)
    left = survivors(workers)  # before reading standard error: a surviving worker keeps it open
    _, stderr = process.communicate(timeout=60)
    return process, stderr, left


def survivors(workers: set[int], seconds: float = 2.0) -> set[int]:
    """The processes still running ``seconds`` after the main one ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in workers):
        time.sleep(0.05)
    return {p for p in workers if alive(p)}


def stored(db: Path) -> tuple[int, list[str]]:
    with Store.open(db, read_only=True) as store:
        n = store.count("documents")
        statuses = [r["status"] for r in store.query("SELECT status FROM runs ORDER BY id")]
    return n, statuses


def check_whole_documents(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        broken = store.query("SELECT d.id FROM documents d WHERE d.n_events != "
                             "(SELECT count(*) FROM events e WHERE e.document_id = d.id) OR d.n_mentions != "
                             "(SELECT count(*) FROM mentions m WHERE m.document_id = d.id)")
    assert broken == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_is_one_line_and_stops_the_workers(tmp_path, signum):
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "db.duckdb"
    write_corpus(corpus)
    process, stderr, left = start_and_stop(corpus, db, signum)
    assert process.returncode == 128 + signum
    [line] = stderr.splitlines()
    assert line.startswith(f"Error: interrupted by {signal.Signals(signum).name}; "), stderr
    assert left == set()
    n, statuses = stored(db)
    assert 0 < n < N_ARTICLES and statuses == ["interrupted"]
    check_whole_documents(db)

    again = subprocess.run(ingest_command(corpus, db), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert stored(db) == (N_ARTICLES, ["interrupted", "finished"])


def test_kill_9_of_the_main_process_takes_the_workers_with_it(tmp_path):
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "db.duckdb"
    write_corpus(corpus)
    process, stderr, left = start_and_stop(corpus, db, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    assert left == set()
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
    check_whole_documents(db)

    again = subprocess.run(ingest_command(corpus, db), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert stored(db) == (N_ARTICLES, ["interrupted", "finished"])
