"""Sentence lookups computed once per Doc.

``Doc.sents`` and ``Token.sent`` walk the whole document on every call; the stages ask
for a token's sentence thousands of times per article, so the spans are listed once and
kept in ``doc.user_data``.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

_KEY = "dyad_sentences"


def sentences(doc: Doc) -> list[Span]:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = list(doc.sents)
    return cached


def _starts(doc: Doc) -> tuple[list[int], list[int]]:
    cached = doc.user_data.get("dyad_sentence_starts")
    if cached is None:
        sents = sentences(doc)
        cached = doc.user_data["dyad_sentence_starts"] = ([s.start for s in sents], [s.start_char for s in sents])
    return cached


def sentence_of(tok: Token) -> Span:
    """The sentence holding ``tok`` (what ``tok.sent`` gives, without walking the Doc)."""
    return sentences(tok.doc)[max(0, bisect_right(_starts(tok.doc)[0], tok.i) - 1)]


def sentence_at_char(doc: Doc, char: int) -> Span | None:
    """The sentence covering character ``char`` (or ending right before it)."""
    sents = sentences(doc)
    k = bisect_right(_starts(doc)[1], char) - 1
    if k < 0:
        return None
    return sents[k] if char < sents[k].end_char + 1 else None


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once: spaCy rebuilds the string from every token on each access."""
    cached = doc.user_data.get("dyad_text")
    if cached is None:
        cached = doc.user_data["dyad_text"] = doc.text
    return cached
