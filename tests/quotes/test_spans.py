"""Pairing quotation marks (pure text scan, no model)."""
from __future__ import annotations

import pytest

from dyad.quotes.marks import find_quote_spans


def contents(text):
    spans, warnings = find_quote_spans(text)
    return [text[s.start:s.end] for s in spans], warnings


def test_curly_and_straight_marks():
    assert contents('He said “we are ready” and "so are they".')[0] == ["we are ready", "so are they"]


def test_closing_glyph_used_as_opening_in_sloppy_text():
    text = "They met in 2015. ”We will cooperate,” she said."
    assert contents(text)[0] == ["We will cooperate,"]


def test_unclosed_mark_is_capped_at_the_paragraph_and_warned():
    text = "“This never closes.\n\nA new paragraph of plain reporting follows here."
    found, warnings = contents(text)
    assert found == ["This never closes."]
    assert len(warnings) == 1 and warnings[0].startswith("W102")


def test_quotation_continues_into_a_paragraph_that_opens_with_a_mark():
    text = "“First part of the statement.\n\n“Second part,” he said."
    found, warnings = contents(text)
    assert found == ["First part of the statement.", "Second part,"]
    assert warnings == []


def test_apostrophes_are_not_quotation_marks():
    assert contents("Hamas’ bureau and Russia's role.")[0] == []


@pytest.mark.parametrize("text, expected", [
    ("“Peace talks collapse in Doha”\n\nThe talks ended.", True),
    ("Intro.\n\n“Peace talks collapse”\n", True),
    ("“We will fight on.”\n\nHe left.", False),  # a sentence with its stop: someone's words
    ("He said “no deal” today.", False),  # inside prose
])
def test_is_headline(text, expected):
    from dyad.quotes.marks import find_quote_spans, is_headline

    spans, _ = find_quote_spans(text)
    assert is_headline(text, spans[0]) is expected


@pytest.mark.parametrize("text, start, end, expected", [
    ("said cats are “cuties.” Then", 5, 21, "cats are “cuties.”"),
    ("said cats are cute. Then", 5, 18, "cats are cute"),
    ("said “all” is well", 5, 18, "“all” is well"),
])
def test_close_marks(text, start, end, expected):
    from dyad.quotes.marks import close_marks

    assert text[start:close_marks(text, start, end)] == expected
