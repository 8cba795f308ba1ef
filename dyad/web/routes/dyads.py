"""Directed actor pairs: the ranked list and the events between two actors."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import data
from ..params import Limit
from ..responses import page
from ..state import ReadOnlyStore

router = APIRouter()


@router.get("/api/dyads", tags=["dyads"])
def api_dyads(store: ReadOnlyStore, limit: Limit = 50) -> dict:
    """Directed actor pairs by merged events, with cooperation and conflict counts."""
    return data.dyads(store, limit=limit)


@router.get("/dyads", response_class=HTMLResponse, include_in_schema=False)
def dyads_page(request: Request, store: ReadOnlyStore, limit: Limit = 50):
    return page(request, "dyads.html", result=data.dyads(store, limit=limit))


@router.get("/api/dyads/{a}/{b}", tags=["dyads"])
def api_dyad(a: str, b: str, store: ReadOnlyStore) -> dict:
    """Events between actors `a` and `b` (either direction): merged events per month with the mean
    Goldstein score, and every reported event."""
    return data.dyad(store, a, b)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
def dyad_page(request: Request, a: str, b: str, store: ReadOnlyStore):
    return page(request, "dyad.html", result=data.dyad(store, a, b))
