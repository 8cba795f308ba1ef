"""The mutable record an actor is built in while its document is read, and its freezing
into plain ``Actor`` records plus the token -> actor index."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..document import Actor, Mention, Role
from .index import ActorIndex
from .kb import KnowledgeBase

@dataclass
class ActorBuilder:
    id: str
    name: str
    kind: str
    key: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    kb_members: tuple[str, ...] = ()
    roles: list[Role] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    text_members: list[str] = field(default_factory=list)  # builder ids of members the text states
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end, via


def mentioned_before(builders: list[ActorBuilder], i: int) -> list[ActorBuilder]:
    """Actors first mentioned before token i, in order of their latest mention before i."""
    seen = [(max(s for s, _, _ in b.mentions if s < i), b) for b in builders if any(s < i for s, _, _ in b.mentions)]
    return [b for _, b in sorted(seen, key=lambda x: x[0])]


def attach_mention(builder: ActorBuilder, start: int, end: int, via: str, owner: dict[int, ActorBuilder]) -> None:
    builder.mentions.append((start, end, via))
    for i in range(start, end):
        owner[i] = builder


# zero-width and bidirectional marks, and a footnote mark left on a name ("Lena Vogt,[2")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_FOOTNOTE = re.compile(r"[,;]?\s*\[\s*(?:\d+|[a-z]|citation needed)?\s*\]?\s*$")


def clean_name(name: str) -> str:
    """An actor's name without junk: invisible marks, spaced hyphens ("al - Rashid" ->
    "al-Rashid"), footnote marks, stray quotation marks and brackets at either end."""
    name = _INVISIBLE.sub("", name)
    name = re.sub(r"(?<=\w)\s+([-‐‑])\s+(?=\w)", r"\1", name)
    name = _FOOTNOTE.sub("", name) if "[" in name else name
    cleaned = name.strip(" \"“”«»,;")
    for opening, closing in ("()", "[]", "{}"):
        if cleaned.count(opening) != cleaned.count(closing):  # unbalanced: debris, not "(MSF)"
            cleaned = cleaned.strip(" " + opening + closing)
    return cleaned or name


def freeze(doc: Doc, builders: list[ActorBuilder], kb: KnowledgeBase) -> ActorIndex:
    # keep actor ids in order of first mention
    builders.sort(key=lambda b: min(s for s, _, _ in b.mentions))
    renumber = {b.id: f"a{n}" for n, b in enumerate(builders, start=1)}
    key_to_id = {b.key: renumber[b.id] for b in builders}
    name_to_id = {b.name: renumber[b.id] for b in builders}
    actors: list[Actor] = []
    by_token: dict[int, str] = {}
    for b in builders:
        actor_id = renumber[b.id]
        mentions = tuple(
            Mention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), doc[s:e].text, via)
            for s, e, via in sorted(set(b.mentions))
        )
        for s, e, _ in b.mentions:
            for i in range(s, e):
                by_token[i] = actor_id
        code = b.code
        if b.kind == "PERSON" and code is None and b.country:
            code = b.country + (b.sector or "")
        members = tuple(dict.fromkeys(
            [mid for mid in (key_to_id.get(m) or name_to_id.get(m) for m in b.kb_members) if mid]
            + [renumber[m] for m in b.text_members]
        ))
        actors.append(Actor(
            id=actor_id, name=clean_name(b.name), kind=b.kind, code=code, country=b.country, sector=b.sector,
            roles=tuple(Role(r.title, renumber.get(r.organization) if r.organization else None, r.status) for r in b.roles),
            affiliations=tuple(renumber[a] for a in b.affiliations),
            members=members, mentions=mentions,
        ))
    return ActorIndex(actors, by_token)
