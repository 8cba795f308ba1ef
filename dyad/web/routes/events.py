"""Events as reported: filtered, sorted and paged, as JSON, CSV and a page; and one merged event with its reports."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from .. import data
from ..event_page import merged_event
from ..csv_export import csv_rows
from ..params import Code, Country, Limit, Offset, Realis, Since, Term, Until
from ..responses import page
from ..state import ReadOnlyStore


Sort = Annotated[str, Query(description="sort column", json_schema_extra={"enum": list(data.EVENT_SORTS)})]
Order = Annotated[str, Query(description="sort direction", json_schema_extra={"enum": data.ORDERS})]


def event_filters(actor: Term = None, source: Term = None, target: Term = None, code: Code = None,
                  since: Since = None, until: Until = None, realis: Realis = None, country: Country = None,
                  sort: Sort = "date", order: Order = "desc") -> dict:
    """The filter query parameters shared by the JSON, the CSV and the page; an empty value means no filter."""
    return {k: (v or None) if k not in ("sort", "order") else v for k, v in locals().items()}


EventFilters = Annotated[dict, Depends(event_filters)]

router = APIRouter()


@router.get("/api/events", tags=["events"])
def api_events(filters: EventFilters, store: ReadOnlyStore, limit: Limit = 100, offset: Offset = 0) -> dict:
    """Events as reported (one row per document event), filtered, sorted and paged. `actor`, `source`
    and `target` match names (substring); `code` is a CAMEO prefix; `since`/`until` take YYYY[-MM[-DD]];
    `country` matches either actor's country or the place's; `sort` is one of date (the default, newest
    first), source, target, cameo, goldstein, realis, confidence, place, published, sources (articles reporting
    the row's merged event) or outlets (their distinct domains). Each row carries its `merged_id`."""
    return data.events(store, **filters, limit=limit, offset=offset)


@router.get("/api/events.csv", tags=["events"], response_class=StreamingResponse)
def api_events_csv(filters: EventFilters, store: ReadOnlyStore):
    """The same rows as /api/events, all of them, as CSV."""
    result = data.events(store, **filters, limit=None)  # validates, and the cursor closes with the request
    return StreamingResponse(csv_rows(result["items"]), media_type="text/csv; charset=utf-8",
                             headers={"content-disposition": 'attachment; filename="dyad-events.csv"'})


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(request: Request, filters: EventFilters, store: ReadOnlyStore, limit: Limit = 100, offset: Offset = 0):
    result = data.events(store, **filters, limit=limit, offset=offset)
    return page(request, "events.html", result=result, realis_values=data.REALIS, sorts=list(data.EVENT_SORTS))


@router.get("/api/events/{merged_id}", tags=["events"])
def api_merged_event(merged_id: str, store: ReadOnlyStore) -> dict:
    """One merged event (a happening counted once): codes with their labels, QuadClass, Goldstein, date, place,
    source and target actors; and its reports: article, outlet, URL, publication date, trigger and the sentence
    cut around the trigger (`excerpt`: before, trigger, after, with the sentence's character offsets)."""
    return merged_event(store, merged_id)


@router.get("/events/{merged_id}", response_class=HTMLResponse, include_in_schema=False)
def merged_event_page(request: Request, merged_id: str, store: ReadOnlyStore):
    return page(request, "event.html", result=merged_event(store, merged_id))
