"""Long texts in pieces: boundaries (pure), joining records (pure), and a pipeline run (model)."""
from __future__ import annotations

import pytest

from dyad.document import Actor, Event, Mention, Quote, Role, Span, Trigger
from dyad.pieces import join_pieces, piece_bounds


@pytest.mark.parametrize("text, limit", [
    ("One two. Three four.\n\nFive six. Seven.\n\nEight nine ten.", 20),
    ("a" * 50, 16),  # no space at all: a hard cut
    ("Short text.", 100),
])
def test_pieces_cover_the_text_within_the_limit(text, limit):
    bounds = piece_bounds(text, limit)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(0 < e - s <= limit for s, e in bounds)
    assert bounds[0][0] == 0 and all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))


def test_a_piece_ends_after_a_paragraph_break_first_then_a_sentence():
    text = "Alpha beta. Gamma delta.\n\nEpsilon zeta eta. Theta iota kappa lambda."
    assert text[slice(*piece_bounds(text, 40)[0])] == "Alpha beta. Gamma delta.\n\n"
    text = "Alpha beta gamma delta epsilon. Zeta eta theta iota kappa lambda."
    assert text[slice(*piece_bounds(text, 40)[0])] == "Alpha beta gamma delta epsilon. "


def _actor(actor_id, name, kind, mentions, **kw):
    return Actor(actor_id, name, kind, mentions=tuple(Mention(s, e, t, "name") for s, e, t in mentions), **kw)


def test_joining_pieces_merges_actors_and_shifts_offsets():
    # piece 1 (offset 0):   "Ana Ruiz met Kenya."      piece 2 (offset 100): "Ruiz praised Kenya."
    first = (0, (Span(0, 19),),
             (_actor("a1", "Ana Ruiz", "PERSON", [(0, 8, "Ana Ruiz")], roles=(Role("envoy", "a2"),)),
              _actor("a2", "Kenya", "COUNTRY", [(13, 18, "Kenya")], code="KEN", country="KEN")),
             (Event("e1", "a1", "a2", "040", "04", "consult", None, 1, 1.0, "asserted", Trigger(9, 12, "met"), 0),),
             ())
    second = (100, (Span(0, 19),),
              (_actor("a1", "Ruiz", "PERSON", [(0, 4, "Ruiz")]),
               _actor("a2", "Kenya", "COUNTRY", [(13, 18, "Kenya")], code="KEN", country="KEN")),
              (Event("e1", "a1", "a2", "051", "05", "praise", None, 1, 3.4, "asserted", Trigger(5, 12, "praised"), 0),),
              (Quote("q1", "praised Kenya", 5, 18, "indirect", "praised", "a1"),))
    sentences, actors, events, quotes = join_pieces([first, second])
    assert sentences == (Span(0, 19), Span(100, 119))
    assert [(a.id, a.name, [m.start for m in a.mentions]) for a in actors] == [
        ("a1", "Ana Ruiz", [0, 100]), ("a2", "Kenya", [13, 113])]
    assert actors[0].roles == (Role("envoy", "a2"),)
    assert [(e.id, e.source, e.target, e.trigger.start, e.sentence) for e in events] == [
        ("e1", "a1", "a2", 9, 0), ("e2", "a1", "a2", 105, 1)]
    assert [(q.id, q.start, q.speaker) for q in quotes] == [("q1", 105, "a1")]


@pytest.mark.model
def test_a_long_text_is_parsed_in_pieces_with_offsets_intact(pipeline):
    paragraph = ("Kenyan President Ana Ruiz met Ugandan officials in Kampala on Monday. "
                 "“We will work together,” Ruiz said. Uganda praised Kenya.\n\n")
    text = paragraph * 6
    whole = pipeline.extract(text, published="2024-03-06")
    pipeline.piece_chars = len(paragraph) * 2
    try:
        parts = pipeline.extract(text, published="2024-03-06")
    finally:
        from dyad.pieces import PIECE_CHARS
        pipeline.piece_chars = PIECE_CHARS
    assert parts.text == whole.text and parts.id == whole.id
    assert any(w.startswith("W105") for w in parts.warnings)
    assert len(parts.sentences) == len(whole.sentences)
    assert sorted(a.name for a in parts.actors) == sorted(a.name for a in whole.actors)
    for actor in parts.actors:
        assert all(parts.text[m.start:m.end] == m.text for m in actor.mentions)
    assert len(parts.events) == len(whole.events) > 0
    assert all(parts.text[e.trigger.start:e.trigger.end] == e.trigger.text for e in parts.events)
    assert [q.text for q in parts.quotes if q.kind == "direct"] == [q.text for q in whole.quotes if q.kind == "direct"]
