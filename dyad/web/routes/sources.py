"""The sources `dyad watch` follows: last round, new articles, errors and next due time."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import data
from ..params import Limit
from ..responses import page
from ..state import ReadOnlyStore

router = APIRouter()


@router.get("/api/sources", tags=["sources"])
def api_sources(store: ReadOnlyStore, limit: Limit = 50) -> dict:
    """Each watched source with its kind, last round, new documents and errors of that round, documents so
    far and next due time; and the latest `limit` fetch errors."""
    return data.sources(store, limit=limit)


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request, store: ReadOnlyStore, limit: Limit = 50):
    return page(request, "sources.html", result=data.sources(store, limit=limit))
