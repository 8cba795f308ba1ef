"""The actor network: nodes, edges and a deterministic layout, cached per filter set."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...store import Store
from .. import data
from ..params import Country, MaxNodes, Realis, Root, Since, Until
from ..responses import page
from ..state import NetworkCache, ReadOnlyStore, ResultCache

router = APIRouter()


def cached_network(cache: ResultCache, store: Store, **filters: Any) -> dict:
    return cache.get(tuple(sorted(filters.items())), lambda: data.network(store, **filters))


@router.get("/api/network", tags=["network"])
def api_network(store: ReadOnlyStore, cache: NetworkCache, since: Since = None, until: Until = None,
                root: Root = None, country: Country = None, realis: Realis = None, max_nodes: MaxNodes = 80) -> dict:
    """Actors (nodes sized by merged events, with x/y from a deterministic force layout) and directed edges
    with their mean Goldstein score. Filters: date range (YYYY[-MM[-DD]]), CAMEO root, actor country, realis."""
    return cached_network(cache, store, since=since, until=until, root=root, country=country, realis=realis,
                          max_nodes=max_nodes)


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(request: Request, store: ReadOnlyStore, cache: NetworkCache, since: Since = None,
                 until: Until = None, root: Root = None, country: Country = None, realis: Realis = None,
                 max_nodes: MaxNodes = 80):
    result = cached_network(cache, store, since=since, until=until, root=root, country=country, realis=realis,
                            max_nodes=max_nodes)
    return page(request, "network.html", result=result, realis_values=data.REALIS)
