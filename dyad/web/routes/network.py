"""The actor network (`dyad.web.network`): the whole corpus or one actor's partners, cached per filter set."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...store import Store
from .. import data
from ..network import network, period_bounds
from ..params import ActorId, Country, MaxNodes, Period, Realis, Root, Since, Until
from ..responses import page
from ..state import NetworkCache, ReadOnlyStore, ResultCache

router = APIRouter()


def cached_network(cache: ResultCache, store: Store, period: str | None, **filters: Any) -> dict:
    if period:
        filters["since"], filters["until"] = period_bounds(period)
    return cache.get(tuple(sorted(filters.items())), lambda: network(store, **filters))


@router.get("/api/network", tags=["network"])
def api_network(store: ReadOnlyStore, cache: NetworkCache, since: Since = None, until: Until = None,
                period: Period = None, root: Root = None, country: Country = None, realis: Realis = None,
                max_nodes: MaxNodes = 80, actor: ActorId = None) -> dict:
    """Actors (nodes sized by merged events, with x/y from a deterministic spring layout and `label` set on the
    most connected) and directed edges with their count and mean Goldstein score. Filters: date range
    (YYYY[-MM[-DD]]) or a period (YYYY or YYYY-MM, for both ends), CAMEO root, actor country, realis;
    `actor` keeps that actor and its partners (the ego view)."""
    return cached_network(cache, store, period, since=since, until=until, root=root, country=country, realis=realis,
                          max_nodes=max_nodes, actor=actor)


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(request: Request, store: ReadOnlyStore, cache: NetworkCache, since: Since = None,
                 until: Until = None, period: Period = None, root: Root = None, country: Country = None,
                 realis: Realis = None, max_nodes: MaxNodes = 80, actor: ActorId = None):
    result = cached_network(cache, store, period, since=since, until=until, root=root, country=country, realis=realis,
                            max_nodes=max_nodes, actor=actor)
    return page(request, "network.html", result=result, realis_values=data.REALIS)
