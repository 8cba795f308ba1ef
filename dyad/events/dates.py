"""Date expressions resolved against the publication date with their granularity (dateparser)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

_VAGUE = re.compile(r"^(that|this|the same|those|these|recent|past|coming|next few|last few)\b|\b(years|decades|months|weeks|days|ago|century|era|period|era)\b", re.I)
_LEADING = re.compile(r"^(on|in|by|since|from|during|until|till|as of|the)\s+", re.I)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    granularity: str  # day, month, year


def parse_published(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` (or an ISO datetime) to a date; None when absent or unparseable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@lru_cache(maxsize=32)
def _parser(base: dt.date | None) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False, "STRICT_PARSING": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def resolve_date(text: str, published: dt.date | None) -> ResolvedDate | None:
    """"Sept. 18" with published 2017-09-25 -> 2017-09-18 (day); "in 2010" -> 2010 (year).

    Vague spans ("that year", "the past two years", "weeks") and relative dates
    without a publication date give None rather than a guess.
    """
    phrase = _LEADING.sub("", text.strip())
    if not phrase or _VAGUE.search(phrase):
        return None
    relative = not re.search(r"\b\d{4}\b", phrase)
    if relative and published is None:
        return None
    data = _parser(published).get_date_data(phrase)
    if data.date_obj is None:
        return None
    when = data.date_obj.date()
    if data.period == "year":
        return ResolvedDate(f"{when:%Y}", "year")
    if data.period == "month":
        return ResolvedDate(f"{when:%Y-%m}", "month")
    if data.period == "day":
        return ResolvedDate(when.isoformat(), "day")
    return None  # weeks and times are not a calendar granularity the contract offers
