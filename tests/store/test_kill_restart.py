"""A real kill -9 in the middle of ``dyad ingest``, a restart, and the same tables as an uninterrupted run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import wait_for_first_commit
from dyad.store import Store

pytestmark = pytest.mark.model

COUNTRIES = ["Chile", "Peru", "Brazil", "Angola", "France", "Germany", "Japan", "Kenya", "Ghana", "Norway"]
TABLES = ["documents", "inputs", "actors", "document_actors", "mentions", "events", "quotes",
          "merged_events", "event_mentions"]


def write_corpus(path):
    lines = []
    for i in range(40):
        a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
        text = (f"{a} hosted talks with {b} in its capital on Monday, article {i}. "
                f"\"We agreed on trade,\" said the foreign minister of {a}. {b} condemned the plan on Tuesday.")
        lines.append(json.dumps({"id": f"n{i}", "text": text, "published": f"2024-03-{6 + i % 3:02d}",
                                 "url": f"https://site{i % 4}.example/{i}"}))
    lines.insert(7, "[1, 2, 3]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ingest_command(corpus, db):
    return [sys.executable, "-m", "dyad.cli", "ingest", str(corpus), "--db", str(db), "--workers", "1",
            "--batch-size", "2", "--no-progress"]


def snapshot(db):
    with Store.open(db, read_only=True) as store:
        tables = {t: store.query(f"SELECT * FROM {t} ORDER BY ALL") for t in TABLES}
        tables["errors"] = store.query("SELECT origin, line, stage, reason FROM errors ORDER BY ALL")
        return tables


def test_kill_9_then_restart_equals_an_uninterrupted_run(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"

    process = subprocess.Popen(ingest_command(corpus, killed_db), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_first_commit(process, f"{killed_db}.wal", time.monotonic() + 60)
    os.killpg(process.pid, signal.SIGKILL)  # the whole run, mid-stream
    process.wait()

    partial = snapshot(killed_db)
    assert 0 < len(partial["documents"]) < 40, "the kill should land mid-run"
    # whole documents only: every stored document has all its events and mentions
    for doc in partial["documents"]:
        assert sum(e["document_id"] == doc["id"] for e in partial["events"]) == doc["n_events"]
        assert sum(m["document_id"] == doc["id"] for m in partial["mentions"]) == doc["n_mentions"]

    restarted = subprocess.run(ingest_command(corpus, killed_db), capture_output=True, text=True, timeout=120)
    assert restarted.returncode == 0, restarted.stderr
    clean = subprocess.run(ingest_command(corpus, clean_db), capture_output=True, text=True, timeout=120)
    assert clean.returncode == 0, clean.stderr

    after, reference = snapshot(killed_db), snapshot(clean_db)
    assert len(reference["documents"]) == 40 and len(reference["errors"]) == 1
    for table in reference:
        assert after[table] == reference[table], table
    with Store.open(killed_db, read_only=True) as store:
        runs = store.query("SELECT status FROM runs ORDER BY id")
    assert [r["status"] for r in runs] == ["interrupted", "finished"]  # the killed run stays visible, marked
