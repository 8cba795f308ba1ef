"""The merge-pairs reader and scorer (``dyad/eval/merge_pairs.py``) on hand-built pairs, no model."""
from __future__ import annotations

import pytest

from dyad.errors import GoldFileError
from dyad.eval.merge_pairs import COLUMNS, DEFAULT_PAIRS, Report, locate, read_pairs, report_events, score

HEADER = "\t".join(COLUMNS)


def row(pair, label, a, b, story="s1"):
    (doc_a, trigger_a), (doc_b, trigger_b) = a, b
    return "\t".join([pair, story, label, doc_a, "Outlet A", trigger_a, doc_b, "Outlet B", trigger_b, "x", "y"])


def write(tmp_path, *rows):
    path = tmp_path / "pairs.tsv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_read_pairs(tmp_path):
    path = write(tmp_path, row("p1", "merge", ("A", "lifted#1"), ("B", "lifted#2")),
                 row("p2", "no-merge", ("A", "re-imposed#1"), ("C", "sanctions#3"), story="s2"))
    pairs = read_pairs(path)
    assert [(p.pair, p.merge) for p in pairs] == [("p1", True), ("p2", False)]
    assert pairs[0].b == Report("B", "lifted", 2) and pairs[1].a == Report("A", "re-imposed", 1)


@pytest.mark.parametrize("bad, message", [
    (row("p1", "same", ("A", "lifted#1"), ("B", "lifted#1")), "label 'same'"),
    (row("p1", "merge", ("A", "lifted"), ("B", "lifted#1")), "trigger_a 'lifted'"),
    (row("p1", "merge", ("A", "lifted#1"), ("B", "lifted#0")), "trigger_b 'lifted#0'"),
    ("p1\tmerge", "2 fields"),
])
def test_a_bad_row_names_file_and_line(tmp_path, bad, message):
    path = write(tmp_path, row("p0", "merge", ("A", "x#1"), ("B", "y#1")), bad)
    with pytest.raises(GoldFileError, match=f"pairs.tsv:3: .*{message}"):
        read_pairs(path)


def test_a_repeated_pair_id_and_a_wrong_header_are_errors(tmp_path):
    with pytest.raises(GoldFileError, match="used twice"):
        read_pairs(write(tmp_path, row("p1", "merge", ("A", "x#1"), ("B", "y#1")),
                         row("p1", "merge", ("A", "x#1"), ("B", "y#1"))))
    (tmp_path / "bad.tsv").write_text("pair\tlabel\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match="bad.tsv:1: the header"):
        read_pairs(tmp_path / "bad.tsv")


def test_locate_counts_whole_words_ignoring_case():
    text = "Lifted once. The ban was re-lifted, then lifted again; uplifted."
    assert locate(text, "lifted", 1) == (0, 6)
    assert text[slice(*locate(text, "lifted", 2))] == "lifted" and locate(text, "lifted", 2)[0] == 41
    assert locate(text, "lifted", 3) is None


def test_a_report_is_the_event_on_its_word_else_one_near_it_in_its_sentence():
    text = "China said it would impose higher tariffs. The US had raised its own levies last week."
    sentences = [[0, 42], [43, len(text)]]
    tariffs, levies = text.index("tariffs"), text.index("levies")
    events = [(tariffs, tariffs + 7, "m-china"), (levies, levies + 6, "m-us")]
    assert report_events(text, sentences, locate(text, "tariffs", 1), events) == {"m-china"}
    assert report_events(text, sentences, locate(text, "impose", 1), events) == {"m-china"}  # one word between
    assert report_events(text, sentences, locate(text, "said", 1), events) == set()          # too far
    assert report_events(text, sentences, locate(text, "raised", 1), events) == {"m-us"}     # "its own" between
    assert report_events(text, sentences, locate(text, "had", 1), events) == set()           # three words between
    assert report_events(text, sentences, locate(text, "the", 1), events) == set()           # near, another sentence


def test_score_counts_pairs_and_keeps_not_found_apart(tmp_path):
    path = write(tmp_path, row("p1", "merge", ("A", "x#1"), ("B", "x#1")),
                 row("p2", "merge", ("A", "y#1"), ("B", "y#1")),
                 row("p3", "no-merge", ("A", "x#1"), ("B", "y#1"), story="s2"),
                 row("p4", "no-merge", ("A", "y#1"), ("C", "z#1"), story="s2"),
                 row("p5", "merge", ("A", "x#1"), ("D", "q#1")))
    merged = {("A", "x"): {"m1"}, ("B", "x"): {"m1"}, ("A", "y"): {"m2"}, ("B", "y"): {"m3", "m1"}, ("C", "z"): {"m4"}}
    figures = score(read_pairs(path), lambda r: merged.get((r.doc, r.word), set())).as_dict()
    assert (figures["tp"], figures["fn"], figures["fp"], figures["tn"]) == (1, 1, 1, 1)
    assert figures["not_found_pairs"] == ["p5"] and figures["located"] == 4 and figures["stories"] == 2
    assert (figures["precision"], figures["recall"], figures["recall_all"]) == (0.5, 0.5, 0.333)


def test_the_team_pairs_file_reads():
    pairs = read_pairs(DEFAULT_PAIRS)
    assert len(pairs) >= 40 and len({p.story for p in pairs}) >= 12
    positives = sum(p.merge for p in pairs)
    assert 0.4 <= positives / len(pairs) <= 0.6


@pytest.mark.model
def test_dyad_eval_merge_ingests_only_the_pairs_articles(tmp_path):
    import json
    import subprocess
    import sys

    articles = [  # invented articles in the AllSides record shape
        {"ID": "x1", "source": "Outlet A", "date": "2024-03-05", "title": "Chile recalls envoy",
         "content_original": "Chile recalled its ambassador to Peru on Monday. Peru condemned Chile on Tuesday."},
        {"ID": "x2", "source": "Outlet B", "date": "2024-03-05", "title": "Envoy recalled",
         "content_original": "Chile recalled its ambassador to Peru on Monday, officials in Santiago said."},
        {"ID": "x3", "source": "Outlet C", "date": "2024-03-05", "title": "Not in a pair",
         "content_original": "Brazil hosted Argentina on Monday."},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    pairs = write(tmp_path, row("p1", "merge", ("x1", "recalled#1"), ("x2", "recalled#1")),
                  row("p2", "no-merge", ("x1", "condemned#1"), ("x2", "recalled#1")))
    out = subprocess.run([sys.executable, "-m", "dyad.cli", "eval", str(pairs), "--data", str(corpus), "--json"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    assert figures["pairs"] == 2 and figures["located"] == 2
    assert (figures["tp"], figures["tn"]) == (1, 1)   # the two recalls merge across outlets; the condemnation apart
    bad = subprocess.run([sys.executable, "-m", "dyad.cli", "eval", "merge", "--data", str(tmp_path / "nope.jsonl.gz")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and bad.stderr.strip().startswith("Error: [E002] --data")
