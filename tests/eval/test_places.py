"""The event_location reader: records kept, the held-out halves, the place matcher."""
from __future__ import annotations

import json

import pytest

from dyad.eval.places import place_matches, read_sentences


def _record(n: int, place: bool = True) -> dict:
    text = f"Rebels attacked Town{n} today."
    spans = [{"label": "VERB", "start": 7, "end": 15}]
    if place:
        spans.append({"label": "LOCATION", "start": 16, "end": 16 + len(f"Town{n}")})
    return {"text": text, "spans": spans}


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(_record(n, place=n != 3)) + "\n" for n in range(7)), encoding="utf-8")
    return path


def test_all_records_are_read_in_order(data_file):
    sentences = list(read_sentences(data_file))
    assert [s.place_text for s in sentences] == ["Town0", "Town1", "Town2", None, "Town4", "Town5", "Town6"]
    assert sentences[0].text[slice(*sentences[0].verb)] == "attacked"


@pytest.mark.parametrize("half, expected", [("even", ["Town0", "Town2", "Town4", "Town6"]),
                                            ("odd", ["Town1", None, "Town5"])])
def test_a_half_keeps_the_records_at_even_or_odd_line_indexes(data_file, half, expected):
    assert [s.place_text for s in read_sentences(data_file, half=half)] == expected


def test_every_counts_within_the_half(data_file):
    assert [s.place_text for s in read_sentences(data_file, half="even", every=2)] == ["Town0", "Town4"]
    assert [s.place_text for s in read_sentences(data_file, every=3)] == ["Town0", None, "Town6"]


def test_an_unknown_half_is_refused(data_file):
    with pytest.raises(ValueError, match="half must be one of even, odd"):
        list(read_sentences(data_file, half="first"))


@pytest.mark.parametrize("predicted, gold, expected", [("Kodori", "the Kodori Gorge", True),
                                                       ("Gaza", "in Gaza", True), ("Gaza", "Rafah", False)])
def test_place_matches_names_that_contain_each_other(predicted, gold, expected):
    assert place_matches(predicted, gold) is expected
