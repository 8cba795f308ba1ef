"""Query parameters: the bounds the OpenAPI document states, and the checks that hold every value to them.

A value the app cannot use is the user's to fix, so it is a 400 naming the value and what is accepted
(`BadOption`, E002) before it reaches a query; a value of the wrong type (`limit=many`) stays FastAPI's 422.
The bounds are published in `/openapi.json` too, so clients and the property-based tests see them.
"""
from __future__ import annotations

import re
from typing import Annotated, Optional

from fastapi import Query

from ..errors import BadOption
from ..store.queries import REALIS
from ..store.rows import date_interval

MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000
MAX_NODES = 500
MAX_TERM = 200  # characters in a search term or name filter
DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")  # ASCII digits only: int() would take "٢٠٢٥"
DATE_HELP = "a date as YYYY, YYYY-MM or YYYY-MM-DD, years 0001 to 9999"
CAMEO_CODE = re.compile(r"[0-9]{1,4}")
CAMEO_ROOT = re.compile(r"0[1-9]|1[0-9]|20")
COUNTRY = re.compile(r"[A-Za-z]{3}")


def bounded(minimum: int, maximum: int, description: str):
    """A query integer whose bounds the OpenAPI document states; the data layer enforces them with a 400."""
    return Query(description=description, json_schema_extra={"minimum": minimum, "maximum": maximum})


def term_query(description: str, *, pattern: str | None = None, max_length: int = MAX_TERM):
    extra = {"maxLength": max_length} | ({"pattern": f"^(?:{pattern})?$"} if pattern else {})
    return Query(description=description, json_schema_extra=extra)


Limit = Annotated[int, bounded(1, MAX_LIMIT, "rows per page")]
Offset = Annotated[int, bounded(0, MAX_OFFSET, "rows to skip")]
MaxNodes = Annotated[int, bounded(1, MAX_NODES, "the most connected actors to keep")]
Term = Annotated[Optional[str], term_query("search term")]
Since = Annotated[Optional[str], term_query("first day, month or year: YYYY, YYYY-MM or YYYY-MM-DD",
                                            pattern=DATE.pattern, max_length=10)]
Until = Annotated[Optional[str], term_query("last day, month or year: YYYY, YYYY-MM or YYYY-MM-DD",
                                            pattern=DATE.pattern, max_length=10)]
Code = Annotated[Optional[str], term_query("CAMEO code prefix, 1 to 4 digits", pattern=CAMEO_CODE.pattern, max_length=4)]
Root = Annotated[Optional[str], term_query("CAMEO root, 01 to 20", pattern=CAMEO_ROOT.pattern, max_length=2)]
Country = Annotated[Optional[str], term_query("ISO 3166 alpha-3 country code", pattern=COUNTRY.pattern, max_length=3)]
Realis = Annotated[Optional[str], Query(description="realis", json_schema_extra={"enum": REALIS})]
Period = Annotated[Optional[str], term_query("a year or month (YYYY or YYYY-MM) that sets both since and until",
                                             pattern=r"[0-9]{4}(-[0-9]{2})?", max_length=7)]
ActorId = Annotated[Optional[str], term_query("an actor id: that actor and its partners only")]


def check_rows(limit: int, offset: int = 0) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadOption("limit", limit, f"a number of rows from 1 to {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise BadOption("offset", offset, f"a number of rows from 0 to {MAX_OFFSET}")


def check_nodes(max_nodes: int) -> None:
    if not 1 <= max_nodes <= MAX_NODES:
        raise BadOption("max_nodes", max_nodes, f"a number of nodes from 1 to {MAX_NODES}")


def check_date(option: str, value: str | None) -> None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date in years 0001 to 9999."""
    if value and not (DATE.fullmatch(value) and date_interval(value)[0] is not None):
        raise BadOption(option, value, DATE_HELP)


def check_terms(**terms: str | None) -> None:
    for option, value in terms.items():
        if value and len(value) > MAX_TERM:
            raise BadOption(option, value[:20] + "...", f"at most {MAX_TERM} characters")


def check_filters(*, code: str | None = None, root: str | None = None, country: str | None = None,
                  realis: str | None = None) -> None:
    """CAMEO code and root, country and realis: each from its closed set of forms."""
    if code and not CAMEO_CODE.fullmatch(code):
        raise BadOption("code", code, "a CAMEO code prefix of 1 to 4 digits, e.g. 04 or 042")
    if root and not CAMEO_ROOT.fullmatch(root):
        raise BadOption("root", root, "a two-digit CAMEO root, 01 to 20")
    if country and not COUNTRY.fullmatch(country):
        raise BadOption("country", country, "an ISO 3166 alpha-3 country code, e.g. NOR")
    if realis and realis not in REALIS:
        raise BadOption("realis", realis, REALIS)
