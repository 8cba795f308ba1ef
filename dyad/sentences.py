"""Sentence lookups computed once per Doc.

``Doc.sents`` and ``Token.sent`` walk the whole document on every call; the stages ask
for a token's sentence thousands of times per article, so the spans are listed once and
kept in ``doc.user_data``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

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


def entities(doc: Doc) -> list[Span]:
    """``doc.ents``, built once: spaCy builds every entity span anew on each access."""
    cached = doc.user_data.get("dyad_ents")
    if cached is None:
        cached = doc.user_data["dyad_ents"] = list(doc.ents)
    return cached


def _entity_starts(doc: Doc) -> list[int]:
    cached = doc.user_data.get("dyad_ent_starts")
    if cached is None:
        cached = doc.user_data["dyad_ent_starts"] = [e.start for e in entities(doc)]
    return cached


def entities_between(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities that lie within tokens ``start:end`` (what ``doc[start:end].ents`` gives)."""
    ents = entities(doc)
    k = bisect_left(_entity_starts(doc), start)
    out = []
    while k < len(ents) and ents[k].start < end:
        if ents[k].end <= end:
            out.append(ents[k])
        k += 1
    return out


def entity_at(tok: Token) -> Span | None:
    """The entity covering ``tok``."""
    ents = entities(tok.doc)
    k = bisect_right(_entity_starts(tok.doc), tok.i) - 1
    return ents[k] if k >= 0 and ents[k].start <= tok.i < ents[k].end else None
