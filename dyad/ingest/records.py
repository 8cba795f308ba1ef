"""The records readers yield: an ``Article`` as read, or a ``ReadError`` for input that cannot be used."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Fields:
    """Field (JSONL key or CSV column) names to use instead of the defaults tried in order."""

    text: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None

    def names(self, which: str, defaults: tuple[str, ...]) -> tuple[str, ...]:
        chosen = getattr(self, which)
        return (chosen,) if chosen else defaults


DEFAULT_FIELDS = Fields()


@dataclass(frozen=True)
class Article:
    """One input article as read, before cleaning."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str = ""
    format: str = ""


@dataclass(frozen=True)
class ReadError:
    """Input that could not be read: where, why (with the fix when there is one) and its code
    in ``dyad.errors`` (a ``W`` code is a warning: input skipped on purpose)."""

    origin: str
    reason: str
    code: str | None = None

    @property
    def is_warning(self) -> bool:
        return (self.code or "").startswith("W")

    def __str__(self) -> str:
        code = f"[{self.code}] " if self.code else ""
        return f"{self.origin}: {code}{self.reason}"


Record = Article | ReadError


def normalize_published(raw: str | None) -> str | None:
    """``YYYY-MM-DD`` for an ISO date or datetime; anything else is kept as found."""
    if raw is None or not raw.strip():
        return None
    value = raw.strip()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return raw
