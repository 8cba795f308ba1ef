"""Every run finishes: ``dyad extract`` and ``dyad ingest`` over bad inputs mixed with good articles.

``tests/ingest/bad_inputs/`` holds small files written by hand: a ``bad_*`` file is one bad input, a
``good_*`` file holds good articles, and records inside ``mixed.jsonl`` and the CSV files are either. Every
good article carries a marker (``G01``...) in its text. What cannot be committed is built by
``build_corpus``: a FIFO, a socket, symlinks to ``/dev/null`` and ``/dev/zero``, symlink loops, a
symlinked directory, HTML nested 10,000 levels deep, a 1.1-million-character article, input above the
10 MB limit, JSON nested 100,000 levels deep and a file name that is not UTF-8.

dyad runs in a subprocess with a timeout (a hang fails the test instead of blocking it), through a
runner that makes the pipeline raise on any article containing ``CRASH-ME``, as a bug in a stage would.
The test asserts: exit code 0 and no traceback; every good article out exactly once; exactly one
``Error:``/``Warning:`` line per bad input, with its code; and for ``ingest`` one ``errors`` row per bad
input with the same reason.
"""
from __future__ import annotations

import collections
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

BAD_INPUTS = Path(__file__).parent / "bad_inputs"
TIMEOUT = 180  # seconds per dyad run; the whole test takes well under a minute

# The committed corpus: where each bad input is reported (a file, or FILE:LINE for a record) and its code.
COMMITTED_ERRORS = {
    "bad_binary.csv": "E035",
    "bad_binary.html": "E035",
    "bad_binary.jsonl": "E035",            # one error for the file, not one per "line"
    "bad_binary.txt": "E035",
    "bad_bom_only.txt": "E034",            # a UTF-8 byte-order mark and whitespace
    "bad_empty.csv": "E034",
    "bad_empty.html": "E034",
    "bad_empty.jsonl": "E034",
    "bad_empty.txt": "E034",
    "bad_latin1.txt": "E036",              # not UTF-8
    "bad_no_text.html": "E043",            # a script, no text
    "bad_no_text_column.csv": "E039",
    "bad_not_gzip.jsonl.gz": "E042",
    "bad_nul_bytes.txt": "E035",           # text with a NUL byte
    "bad_utf16_bom_empty.txt": "E034",
    "bad_utf16_bom_truncated.txt": "E036",  # UTF-16 with a byte-order mark and an odd byte at the end
    "bad_utf16_no_bom.jsonl": "E036",
    "bad_utf16be_no_bom.txt": "E036",
    "bad_utf16le_no_bom.txt": "E036",
    "bad_utf32le_no_bom.txt": "E036",
    "bad_whitespace.txt": "E034",
    "good_rows.csv:6": "E039",             # a short row: no text column
    "good_rows.csv:7": "E039",             # an empty text cell
    "good_rows.csv:8": "E036",             # a row with a Latin-1 byte
    "mixed.jsonl:2": "E038",               # malformed JSON
    "mixed.jsonl:3": "E038",               # an array
    "mixed.jsonl:4": "E038",               # a string
    "mixed.jsonl:5": "E040",               # text is a number
    "mixed.jsonl:6": "E040",               # text is an array
    "mixed.jsonl:7": "E040",               # text is an object
    "mixed.jsonl:8": "E040",               # text is a boolean
    "mixed.jsonl:9": "E039",               # text is null
    "mixed.jsonl:10": "E039",              # no text field
    "mixed.jsonl:11": "E039",              # text is blank
    "mixed.jsonl:12": "E036",              # invalid UTF-8 in the line
    "mixed.jsonl:20": "E044",              # the pipeline raises on it (CRASH-ME)
    "stray_quote.csv:3": "E041",           # a quote left open, closed by the next row's quote
    "unterminated_quote.csv:4": "E041",    # a quote left open to the end of the file
    "truncated.jsonl.gz": "E042",          # cut short; the line before the cut is read
}
# Good articles in the committed corpus (absurd dates, lone surrogates, BOMs, CR line ends... included).
COMMITTED_GOOD = {f"G{n:02d}" for n in [*range(1, 9), 11, *range(13, 20), *range(21, 35)]}

CRASHING_DYAD = """
import sys
from dyad.pipeline import Pipeline

extract_many = Pipeline.extract_many


def failing(self, articles, **options):
    articles = list(articles)
    for article, doc in zip(articles, extract_many(self, articles, **options)):
        if "CRASH-ME" in (article.get("text") or ""):
            raise RuntimeError("injected failure")
        yield doc


Pipeline.extract_many = failing
from dyad.cli.main import main

main()
"""
PROBLEM_LINE = re.compile(r"(?P<kind>Error|Warning): (?P<origin>.+?): \[(?P<code>[EW]\d{3})\] (?P<reason>.+)")
MARKER = re.compile(r"\bG\d\d\b")


def build_corpus(tmp_path: Path) -> tuple[Path, list[str], dict[str, str], set[str]]:
    """The committed files plus what cannot be committed: (corpus root, extra paths given on the command
    line, expected origin -> code, expected good markers)."""
    root = tmp_path / "corpus"
    shutil.copytree(BAD_INPUTS, root)
    errors = {str(root / name): code for name, code in COMMITTED_ERRORS.items()}
    good = set(COMMITTED_GOOD)

    def bad(name: str, code: str) -> Path:
        errors[str(root / name)] = code
        return root / name

    os.mkfifo(bad("fifo.txt", "W130"))
    os.symlink("/dev/null", bad("dev_null.txt", "W130"))
    os.symlink("/dev/zero", bad("dev_zero.jsonl", "W130"))  # opened, it would never end
    if len(str(root / "socket.txt")) < 100:  # AF_UNIX path limit
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(bad("socket.txt", "W130")))
    os.symlink("loop_b.txt", bad("loop_a.txt", "E032"))
    os.symlink("loop_a.txt", bad("loop_b.txt", "E032"))
    os.symlink("self_loop.jsonl", bad("self_loop.jsonl", "E032"))
    os.symlink(root / "nowhere.txt", bad("dangling.txt", "E030"))
    (root / "sub").mkdir()
    os.symlink("..", bad("sub/back", "E032"))  # a directory loop: leads back to the corpus
    (root / "sub" / "nested.txt").write_text("Ghana praised Togo on Monday, report G36 said.\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_text("Nepal thanked India on Monday, report G35 said.\n", encoding="utf-8")
    os.symlink(elsewhere, root / "linked_dir")  # a symlinked directory is followed
    good |= {"G35", "G36"}

    body = "<p>Chile thanked Peru on Monday for the help with the fires, report {} said.</p>"
    for name, depth, marker in (("deep_10k.html", 10_000, "G09"), ("deep_300.html", 300, "G10")):
        page = f"<html><head><title>Deep</title></head><body>{'<div>' * depth}{body.format(marker)}{'</div>' * depth}"
        (root / name).write_text(page + "</body></html>", encoding="utf-8")
        good.add(marker)
    huge = "Chile thanked Peru on Monday, report G37 said. " + "x" * 1_100_000
    (root / "huge.jsonl").write_text(json.dumps({"id": "huge", "text": huge}) + "\n", encoding="utf-8")
    with open(bad("too_big.txt", "E037"), "wb") as stream:
        stream.truncate(10_500_000)  # sparse: above the limit, never read
    (root / "too_big_line.jsonl").write_text(json.dumps({"text": "a" * 10_500_000}) + "\n"
                                             + json.dumps({"text": "Peru praised Bolivia, report G38 said."}) + "\n")
    errors[str(root / "too_big_line.jsonl") + ":1"] = "E037"
    (root / "nested.jsonl").write_text("[" * 100_000 + "\n"
                                       + json.dumps({"text": "Cuba thanked Chile, report G39 said."}) + "\n")
    errors[str(root / "nested.jsonl") + ":1"] = "E038"
    with open(os.path.join(os.fsencode(root), b"bad_name_\xff.txt"), "w", encoding="utf-8") as stream:
        stream.write("Chile praised Bolivia on Monday, report G40 said.\n")
    good |= {"G37", "G38", "G39", "G40"}
    if os.geteuid() != 0:  # root reads any file
        locked = bad("unreadable.txt", "E031")
        locked.write_text("Locked away, report G99 said.\n")
        locked.chmod(0)
    missing, pdf = tmp_path / "missing.txt", tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    errors[str(missing)] = "E030"
    errors[str(pdf)] = "E033"
    return root, [str(root), str(missing), str(pdf)], errors, good


def run_dyad(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-c", CRASHING_DYAD, *args], input=stdin, capture_output=True,
                            timeout=TIMEOUT)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return result


def problems(stderr: bytes) -> dict[str, tuple[str, str]]:
    """origin -> (code, reason) of each problem line; every line of standard error is one."""
    found: dict[str, tuple[str, str]] = {}
    for line in stderr.decode("utf-8").splitlines():
        match = PROBLEM_LINE.fullmatch(line)
        assert match, f"not an Error:/Warning: line with a code: {line!r}"
        assert (match["kind"] == "Warning") == match["code"].startswith("W"), line
        assert match["origin"] not in found, f"two lines for {match['origin']}"
        found[match["origin"]] = (match["code"], match["reason"])
    return found


def markers(texts: list[str]) -> collections.Counter:
    return collections.Counter(marker for text in texts for marker in set(MARKER.findall(text)))


def test_extract_and_ingest_finish_with_every_good_article_and_one_error_per_bad_input(tmp_path):
    root, paths, expected_errors, expected_good = build_corpus(tmp_path)
    assert len(expected_errors) >= 40

    extracted = run_dyad("extract", *paths, "--format", "jsonl")
    assert extracted.returncode == 0
    docs = [json.loads(line) for line in extracted.stdout.decode("utf-8").splitlines()]
    assert markers([doc["text"] for doc in docs]) == collections.Counter(expected_good)
    reported = problems(extracted.stderr)
    assert {origin: code for origin, (code, _) in reported.items()} == expected_errors
    assert "G99" not in extracted.stdout.decode("utf-8")

    db = tmp_path / "corpus.duckdb"
    ingested = run_dyad("ingest", *paths, "--db", str(db), "--workers", "1")  # with its progress bar
    assert ingested.returncode == 0, ingested.stderr
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        texts = [text for (text,) in con.execute("SELECT text FROM documents").fetchall()]
        rows = con.execute("SELECT origin, line, stage, reason FROM errors").fetchall()
    assert markers(texts) == collections.Counter(expected_good)
    stored = {origin if line is None else f"{origin}:{line}": (stage, reason) for origin, line, stage, reason in rows}
    assert len(stored) == len(rows) and stored.keys() == expected_errors.keys()
    for origin, (stage, reason) in stored.items():
        code, printed = reported[origin]
        assert stage == ("pipeline" if code == "E044" else "read"), origin
        # the row holds the code and the reason extract printed (for a pipeline failure, the exception it quotes)
        assert reason.startswith(f"[{code}] "), origin
        reason = reason[len(code) + 3:]
        assert reason == printed if stage == "read" else reason.startswith("RuntimeError: injected failure"), origin
        assert stage == "read" or reason in printed, origin


@pytest.mark.parametrize(("stdin", "expected"), [
    (bytes(range(256)) * 8, "Error: <stdin>: [E035] input looks like binary data, not text"),
    ("Bolivia thanked Chile, report G41 said.".encode("utf-16"), None),  # UTF-16 with a byte-order mark
])
def test_standard_input_is_one_article_or_one_error_line(stdin, expected):
    """The other encodings and empty input on standard input: test_readers.py, without the model."""
    result = run_dyad("extract", "-", "--format", "jsonl", stdin=stdin)
    if expected is None:
        assert result.returncode == 0
        assert markers([json.loads(result.stdout)["text"]]) == {"G41": 1}
        return
    first, last = result.stderr.decode("utf-8").splitlines()
    assert first.startswith(expected), first
    assert last.startswith("Error: [E004] no article could be processed (1 input error(s) above)"), last
    assert result.returncode == 2 and result.stdout == b""
