"""The command line: formats, bad input and exit codes (run as a real subprocess)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

DYAD = [sys.executable, "-m", "dyad.cli"]
ARTICLE = "Peace talks resume\n\nNorway hosted talks between Colombia and the ELN on Monday.\n"


def run(*args, stdin=None):
    return subprocess.run([*DYAD, *args], capture_output=True, text=True, input=stdin, timeout=120)


def test_json_for_one_article(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = run("extract", str(path), "--published", "2024-03-06", "--format", "json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["title"] == "Peace talks resume"
    assert doc["published"] == "2024-03-06"
    assert doc["text"].startswith("Norway hosted talks")


def test_bad_files_are_reported_and_others_processed(tmp_path: Path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "lines.jsonl").write_text('{"text": "Chile thanked Peru."}\n{broken\n{"title": "no text"}\n', encoding="utf-8")
    out = run("extract", str(tmp_path), "--format", "jsonl")
    assert out.returncode == 0
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(docs) == 2
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 4
    assert all(line.startswith("Error: ") for line in errors)
    assert any("empty.txt" in line for line in errors)
    assert any("lines.jsonl:2" in line for line in errors)
    assert any("lines.jsonl:3" in line for line in errors)
    assert "Traceback" not in out.stderr


def test_nothing_processed_exits_non_zero(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = run("extract", str(tmp_path / "empty.txt"), "--format", "json")
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines()[-1].startswith("Error: ")


def test_stdin_and_bad_option():
    out = run("extract", "-", "--format", "jsonl", stdin="Canada praised Mexico.")
    assert out.returncode == 0 and json.loads(out.stdout)["text"] == "Canada praised Mexico."
    bad = run("extract", "-", "--format", "xml", stdin="x")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "Error: [E002] --format 'xml' is not supported; use table, json, jsonl"


def test_table_output(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = run("extract", str(path), "--format", "table")
    assert out.returncode == 0
    assert "Actors" in out.stdout and "Events" in out.stdout and "Norway" in out.stdout


def test_eval_scores_a_range_of_gold_files():
    gold = Path(__file__).parents[1] / "gold"
    out = run("eval", str(gold), "--files", "1-2", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["articles"] == 2
    bad = run("eval", str(gold), "--files", "ten")
    assert bad.returncode != 0 and bad.stderr.strip() == (
        "Error: [E002] --files 'ten' is not supported; use a range of file numbers such as 51-60 or 7")
