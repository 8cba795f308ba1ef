"""Plain frozen records that cross every seam outside the NLP stages.

All offsets are character offsets into ``Document.text`` (the cleaned text),
never token indices, so stored results survive a model upgrade.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ACTOR_KINDS = ("PERSON", "ORGANIZATION", "COUNTRY", "IGO", "GROUP", "LOCATION")
REALIS = ("asserted", "negated", "intended", "requested", "hypothetical")
QUOTE_KINDS = ("direct", "indirect", "partial")
ROLE_STATUS = ("current", "former", "then")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    via: str  # name, alias, surname, demonym, capital, acronym, pronoun, description


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    organization: str | None = None  # actor id
    status: str = "current"


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()
    affiliations: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None  # the GeoNames row, when the gazetteer knows the place
    admin1: str | None = None  # the first-level region containing it ("Tanganyika" for Kalemie)
    feature: str | None = None  # place (a populated place), region, country, news_region; None when unknown
    precision: str | None = None  # place, region, country, or dateline (placed by the article's dateline only)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    source: str | None
    target: str | None
    cameo: str
    root: str
    label: str
    plover: str | None
    quad_class: int
    goldstein: float
    realis: str
    trigger: Trigger
    sentence: int  # index into Document.sentences
    speaker: str | None = None
    date: str | None = None
    date_text: str | None = None
    date_granularity: str | None = None  # day, month, year
    date_source: str | None = None  # sentence (an expression in the event's sentence) or context (the narrative's last date)
    place: Place | None = None
    mentions: tuple[Span, ...] = ()
    confidence: float = 0.5
    reciprocal: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str
    cue: str | None = None
    speaker: str | None = None
    speaker_text: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    sentences: tuple[Span, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON contract (see README, ``dyad/schema/document.schema.json``)."""
        return _plain(asdict(self))

    def actor(self, actor_id: str | None) -> Actor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
