"""The home page with its twin /api/summary, and the local API docs."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import data
from ..responses import page
from ..state import ReadOnlyStore

router = APIRouter()


@router.get("/api/summary", tags=["corpus"])
def api_summary(store: ReadOnlyStore) -> dict:
    """Counts of documents, actors, events, quotes and merged events; the publication date range."""
    return data.summary(store)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request, store: ReadOnlyStore):
    return page(request, "home.html", summary=data.summary(store), dyads=data.dyads(store, limit=10)["items"],
                actors=data.actors(store, limit=10)["items"])


# Local: FastAPI's default docs pages load Swagger UI from a CDN.
@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs(request: Request):
    return page(request, "docs.html", spec=request.app.openapi())
