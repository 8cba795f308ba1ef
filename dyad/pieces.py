"""Long texts in pieces: split at paragraph (else sentence, else word) boundaries, and the
pieces' records joined back into one document with their offsets intact.

The NLP stages run on one spaCy ``Doc`` per piece, so their cost and memory stay those of a
piece whatever the article's length. What a piece boundary cuts: coreference, quotation
attribution and event anaphora do not reach across it (a "he" or "the attack" at the start
of a piece looks back only inside that piece). Actors are joined across pieces: the same
kind and name (or code) is one actor, and a person known in a later piece by a surname
alone joins the one earlier person whose name ends with it; an event told in two pieces is
merged as it is within one.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .document import Actor, Event, Quote, Role, Span
from .events.coder import merge_repeats

PIECE_CHARS = 100_000  # well inside spaCy's window (1,000,000) and light on memory

_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


def piece_bounds(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` pieces covering ``text``, each at most ``limit`` characters,
    cut after a paragraph break where there is one, else after a sentence, else at a space."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = _last_end(_PARAGRAPH, window) or _last_end(_SENTENCE_END, window) or window.rfind(" ") + 1 or limit
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


def _last_end(pattern: re.Pattern, window: str) -> int:
    """Where the last match of ``pattern`` in the second half of ``window`` ends (0: none)."""
    ends = [m.end() for m in pattern.finditer(window, len(window) // 2)]
    return ends[-1] if ends else 0


class _ActorJoin:
    """Actors of successive pieces joined into one list, with each piece's id map."""

    def __init__(self) -> None:
        self.actors: list[dict] = []  # mutable drafts, in order of first appearance
        self.by_key: dict[tuple, dict] = {}

    def add_piece(self, actors: Sequence[Actor], offset: int) -> dict[str, int]:
        ids: dict[str, int] = {}
        for actor in actors:
            draft = self._find(actor)
            if draft is None:
                draft = {"actor": actor, "mentions": [], "roles": [], "affiliations": [], "members": []}
                self.actors.append(draft)
            for key in self._keys(actor):
                self.by_key.setdefault(key, draft)
            draft["mentions"] += [replace(m, start=m.start + offset, end=m.end + offset) for m in actor.mentions]
            ids[actor.id] = self.actors.index(draft)
        for actor in actors:  # roles and relations point at actor ids of the same piece
            draft = self.actors[ids[actor.id]]
            draft["roles"] += [(r, ids.get(r.organization)) for r in actor.roles]
            draft["affiliations"] += [ids[a] for a in actor.affiliations if a in ids]
            draft["members"] += [ids[m] for m in actor.members if m in ids]
        return ids

    @staticmethod
    def _keys(actor: Actor) -> list[tuple]:
        keys = [(actor.kind, actor.name.lower())]
        if actor.kind in ("COUNTRY", "IGO") and actor.code:
            keys.append((actor.kind, actor.code))
        return keys

    def _find(self, actor: Actor) -> dict | None:
        for key in self._keys(actor):
            if key in self.by_key:
                return self.by_key[key]
        if actor.kind != "PERSON":
            return None
        words = actor.name.lower().split()  # a surname alone joins the one person whose name ends with it
        fits = [d for d in self.actors if d["actor"].kind == "PERSON" and len(words) < len(d["actor"].name.split())
                and d["actor"].name.lower().split()[-len(words):] == words]
        return fits[0] if len(fits) == 1 else None

    def freeze(self) -> tuple[list[Actor], dict[int, str]]:
        """The joined actors, numbered by first mention, and the draft index -> new id map."""
        order = sorted(range(len(self.actors)), key=lambda k: min((m.start for m in self.actors[k]["mentions"]), default=0))
        new_id = {k: f"a{n}" for n, k in enumerate(order, start=1)}
        out = []
        for k in order:
            draft = self.actors[k]
            first = draft["actor"]
            roles = tuple(dict.fromkeys(Role(r.title, new_id.get(org) if org is not None else None, r.status)
                                        for r, org in draft["roles"]))
            out.append(replace(
                first, id=new_id[k], roles=roles,
                affiliations=tuple(dict.fromkeys(new_id[a] for a in draft["affiliations"] if a != k)),
                members=tuple(dict.fromkeys(new_id[m] for m in draft["members"] if m != k)),
                mentions=tuple(sorted(set(draft["mentions"]), key=lambda m: (m.start, m.end))),
            ))
        return out, new_id


def join_pieces(pieces: Sequence[tuple[int, Sequence[Span], Sequence[Actor], Sequence[Event], Sequence[Quote]]]
                ) -> tuple[tuple[Span, ...], tuple[Actor, ...], tuple[Event, ...], tuple[Quote, ...]]:
    """One document's sentences, actors, events and quotes from its pieces' records, given as
    ``(offset, sentences, actors, events, quotes)`` in text order."""
    join = _ActorJoin()
    maps = [join.add_piece(actors, offset) for offset, _, actors, _, _ in pieces]
    actors, new_id = join.freeze()

    def remap(ids: dict[str, int], actor_id: str | None) -> str | None:
        return new_id[ids[actor_id]] if actor_id is not None and actor_id in ids else None

    sentences: list[Span] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    for (offset, piece_sentences, _, piece_events, piece_quotes), ids in zip(pieces, maps):
        first_sentence = len(sentences)
        sentences += [Span(s.start + offset, s.end + offset) for s in piece_sentences]
        for event in piece_events:
            events.append(replace(
                event, id=f"e{len(events) + 1}", source=remap(ids, event.source), target=remap(ids, event.target),
                speaker=remap(ids, event.speaker), sentence=event.sentence + first_sentence,
                trigger=replace(event.trigger, start=event.trigger.start + offset, end=event.trigger.end + offset),
                mentions=tuple(Span(m.start + offset, m.end + offset) for m in event.mentions),
            ))
        for quote in piece_quotes:
            quotes.append(replace(quote, id=f"q{len(quotes) + 1}", start=quote.start + offset, end=quote.end + offset,
                                  speaker=remap(ids, quote.speaker)))
    # the same event told in two pieces is one event, as within a piece
    return tuple(sentences), tuple(actors), tuple(merge_repeats(events)), tuple(quotes)

