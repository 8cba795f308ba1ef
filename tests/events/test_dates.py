"""Date resolution against the publication date (no model needed)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from dyad.events.dates import ResolvedDate, parse_published, resolve_date

PUBLISHED = dt.date(2017, 9, 25)


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("Sept. 18", "2017-09-18", "day"),
        ("on Tuesday", "2017-09-19", "day"),
        ("Monday", "2017-09-25", "day"),
        ("late on Sunday", "2017-09-24", "day"),
        ("later this month", "2017-09", "month"),
        ("earlier this year", "2017", "year"),
        ("Dec. 3", "2017-12-03", "day"),
        ("March 3", "2017-03-03", "day"),
        ("Oct. 2", "2017-10-02", "day"),
        ("yesterday", "2017-09-24", "day"),
        ("in 2010", "2010", "year"),
        ("March 2016", "2016-03", "month"),
        ("18 September 2017", "2017-09-18", "day"),
    ],
)
def test_resolves_against_publication(text, value, granularity):
    resolved = resolve_date(text, PUBLISHED)
    assert (resolved.value, resolved.granularity) == (value, granularity)


@pytest.mark.parametrize("text", ["that year", "the past two years", "recent weeks", "decades ago", ""])
def test_vague_expressions_give_none(text):
    assert resolve_date(text, PUBLISHED) is None


def test_relative_date_without_publication_is_unresolved():
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("in 2010", None).value == "2010"


@pytest.mark.parametrize(("raw", "expected"), [("2017-09-25", dt.date(2017, 9, 25)), ("2017-09-25T10:00:00Z", dt.date(2017, 9, 25)), ("Sept 25", None), (None, None)])
def test_parse_published(raw, expected):
    assert parse_published(raw) == expected


def test_an_act_to_come_takes_the_coming_weekday():
    published = dt.date(2025, 7, 10)  # a Thursday
    assert resolve_date("Monday", published, future=True) == ResolvedDate("2025-07-14", "day")
    assert resolve_date("Monday", published) == ResolvedDate("2025-07-07", "day")
    assert resolve_date("Jan. 5", dt.date(2024, 12, 20), future=True) == ResolvedDate("2025-01-05", "day")


# --- the calendar's ends: dates a hostile Try it sends must resolve or give None, never raise ----------

CALENDAR_ENDS = [dt.date(1, 1, 1) + dt.timedelta(days=d) for d in range(8)] + \
                [dt.date(9999, 12, 31) - dt.timedelta(days=d) for d in range(8)]
RELATIVE = ["last Monday", "Monday", "Sunday", "Saturday night", "yesterday", "tomorrow", "next week", "last year",
            "next year", "next month", "later this month", "earlier this year", "March 5", "Dec. 31", "Jan. 1",
            "Feb. 29", "two days ago", "in 2010"]


@pytest.mark.parametrize("published", CALENDAR_ENDS, ids=str)
def test_the_calendar_ends_resolve_or_give_none(published):
    for text in RELATIVE:
        for future in (False, True):
            resolved = resolve_date(text, published, future=future)
            assert resolved is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", resolved.value), (text, resolved)


@pytest.mark.parametrize(("text", "published", "future"), [
    ("last Monday", dt.date(1, 1, 1), False),  # dateparser steps back a week past the calendar's start
    ("Sunday", dt.date(1, 1, 6), False),  # the Sunday before: 31 December of year 0
    ("Monday", dt.date(9999, 12, 31), True),  # the coming Monday: year 10000
])
def test_past_the_calendar_is_none(text, published, future):
    assert resolve_date(text, published, future=future) is None


def test_feb_29_with_no_leap_year_near_publication_is_none():
    assert resolve_date("Feb. 29", dt.date(2022, 6, 1)) is None
    assert resolve_date("Feb. 29", dt.date(2023, 2, 1)) == ResolvedDate("2024-02-29", "day")


def test_years_before_1000_keep_four_digits():
    published = dt.date(999, 5, 20)
    assert resolve_date("later this month", published) == ResolvedDate("0999-05", "month")
    assert resolve_date("earlier this year", published) == ResolvedDate("0999", "year")
    assert resolve_date("Monday", published).value.startswith("0999-05-")


@pytest.mark.parametrize("text, published, expected", [
    ("Today", dt.date(2020, 2, 29), ResolvedDate("2020-02-29", "day")),
    ("tomorrow", dt.date(2020, 2, 28), ResolvedDate("2020-02-29", "day")),
    ("yesterday", None, None),
    ("2016", None, ResolvedDate("2016", "year")),
    ("0000", dt.date(2020, 1, 1), None),
])
def test_deictic_days_and_bare_years_resolve_without_the_parser(text, published, expected):
    assert resolve_date(text, published) == expected


def test_an_absolute_date_reads_the_same_whatever_the_publication_date():
    days = {resolve_date("Monday, January 7, 2019", dt.date(2019, 1, 1) + dt.timedelta(days=k)) for k in range(0, 400, 40)}
    assert days == {ResolvedDate("2019-01-07", "day")}
