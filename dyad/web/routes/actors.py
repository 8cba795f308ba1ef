"""Corpus actors: the searchable list and one actor's page."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import data
from ..params import Limit, Offset, Term
from ..responses import page
from ..state import ReadOnlyStore

router = APIRouter()


@router.get("/api/actors", tags=["actors"])
def api_actors(store: ReadOnlyStore, q: Term = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Corpus actors by mentions; `q` matches the name (substring), code (prefix) or country."""
    return data.actors(store, q=q, limit=limit, offset=offset)


@router.get("/actors", response_class=HTMLResponse, include_in_schema=False)
def actors_page(request: Request, store: ReadOnlyStore, q: Term = None, limit: Limit = 50, offset: Offset = 0):
    return page(request, "actors.html", result=data.actors(store, q=q, limit=limit, offset=offset))


@router.get("/api/actors/{actor_id}", tags=["actors"])
def api_actor(actor_id: str, store: ReadOnlyStore) -> dict:
    """One actor: roles, affiliations, memberships, partners, events as source and as target, quotations
    and merged events per month."""
    return data.actor(store, actor_id)


@router.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
def actor_page(request: Request, actor_id: str, store: ReadOnlyStore):
    return page(request, "actor.html", result=data.actor(store, actor_id))
