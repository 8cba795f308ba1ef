"""Date expressions resolved against the publication date with their granularity (dateparser)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

_THIS_PERIOD = re.compile(r"^(?:(?:later|earlier|early|late|from|in|by)\s+)?this\s+(month|year)$", re.I)
_VAGUE = re.compile(r"^(that|this|the same|those|these|recent|past|coming|next few|last few)\b|\b(years|decades|months|weeks|days|ago|century|era|period|era)\b", re.I)
_LEADING = re.compile(r"^(?:(?:late|early|later|earlier)\s+)?(?:on|in|by|since|from|during|until|till|as of|the)?\s*", re.I)


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


_DEICTIC_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_BARE_YEAR = re.compile(r"^(?!0000)\d{4}$")


@lru_cache(maxsize=4096)
def _parse(phrase: str, base: dt.date | None) -> tuple[dt.date, str] | None:
    """dateparser's reading of ``phrase`` (relative to ``base``): the day and the period it names."""
    try:
        data = _parser(base).get_date_data(phrase)
    except (OverflowError, ValueError):  # "last Monday" from 1 January of year 1: before the calendar starts
        return None
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?:\s+(?:morning|afternoon|evening|night))?$", re.I)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)


def _names_a_month(phrase: str) -> bool:
    return bool(_MONTH.search(phrase))


def _distance(day: dt.date, published: dt.date) -> int:
    """Days from publication; news reports the past more than it announces, so the future counts double."""
    days = (day - published).days
    return 2 * days if days > 0 else -days


def _with_year(day: dt.date, year: int) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February, or a year before 1 or after 9999
        return None


def _days_from(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days``; None past the calendar's ends (years 1 and 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _year(day: dt.date) -> str:
    return f"{day.year:04d}"  # strftime's %Y drops the zeros of years before 1000


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


@lru_cache(maxsize=4096)  # pure; the coder and the reference-time pass both resolve each date expression
def resolve_date(text: str, published: dt.date | None, *, future: bool = False) -> ResolvedDate | None:
    """"Sept. 18" with published 2017-09-25 -> 2017-09-18 (day); "in 2010" -> 2010 (year).

    ``future`` is for an act still to come ("will meet on Monday"): a weekday or a month and
    day without a year is then the next one after publication. Vague spans ("that year",
    "the past two years", "weeks") and relative dates without a publication date give None
    rather than a guess.
    """
    this = _THIS_PERIOD.match(text.strip())
    if this and published is not None:  # "later this month" -> the publication month
        return ResolvedDate(_month(published), "month") if this.group(1).lower() == "month" else ResolvedDate(_year(published), "year")
    phrase = _LEADING.sub("", text.strip())
    if not phrase or _VAGUE.search(phrase):
        return None
    weekday = _WEEKDAY.match(phrase)
    if weekday and published is not None:
        named = _WEEKDAYS.index(weekday.group(1)[:3].lower())
        if future:  # "will meet on Monday": the coming one
            day = _days_from(published, (named - published.weekday()) % 7 or 7)
        else:  # news style names the weekday of an event in the past seven days, today included
            day = _days_from(published, -((published.weekday() - named) % 7))
        return ResolvedDate(day.isoformat(), "day") if day else None
    # the two commonest shapes in news need no parser (dateparser takes about 1.5 ms a call):
    # a deictic day and a bare year
    shift = _DEICTIC_DAYS.get(phrase.lower())
    if shift is not None:
        day = _days_from(published, shift) if published is not None else None
        return ResolvedDate(day.isoformat(), "day") if day else None
    if _BARE_YEAR.match(phrase):
        return ResolvedDate(phrase, "year")
    relative = not re.search(r"\b\d{4}\b", phrase)
    if relative and published is None:
        return None
    # an absolute date does not depend on the publication date: parsed once for every article
    parsed = _parse(phrase, published if relative else None)
    if parsed is None:
        return None
    when, period = parsed
    if relative and published is not None and period in ("day", "month") and _names_a_month(phrase):
        # "April 25" with no year: the nearest such date to publication, before or after
        # ("a strike called for April 25" in a mid-April article is this year's)
        years = [d for d in (_with_year(when, published.year + k) for k in (-1, 0, 1)) if d]
        if not years:  # "Feb. 29" with no leap year next to publication
            return None
        ahead = [d for d in years if d >= published]
        when = min(ahead) if future and ahead else min(years, key=lambda d: _distance(d, published))
    if period == "year":
        return ResolvedDate(_year(when), "year")
    if period == "month":
        return ResolvedDate(_month(when), "month")
    if period == "day":
        return ResolvedDate(when.isoformat(), "day")
    return None  # weeks and times are not a calendar granularity the contract offers
