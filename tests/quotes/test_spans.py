"""Pairing quotation marks (pure text scan, no model)."""
from __future__ import annotations

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
