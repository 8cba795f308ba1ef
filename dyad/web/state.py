"""What one app shares across requests, kept on `app.state` and handed to routes as dependencies.

The database is opened read-only once (`app.state.store`); each request reads through its own
DuckDB cursor. Try it runs on worker processes started on first use (`app.state.try_pool`, see `pool.py`).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated, Callable, Iterator

from fastapi import Depends, Request

from ..store import Store
from .pool import TryItPool


class ResultCache:
    """The last `size` results by key, least recently used out first; safe across request threads.

    The database is read-only, so a cached result never goes stale.
    """

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._results: OrderedDict[tuple, dict] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, compute: Callable[[], dict]) -> dict:
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        result = compute()  # outside the lock: a slow query does not hold up cached answers
        with self._lock:
            self._results[key] = result
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return result


def store_cursor(request: Request) -> Iterator[Store]:
    """A read-only Store on a cursor of the app's database, closed when the request ends."""
    base: Store = request.app.state.store
    cursor = base.con.cursor()
    try:
        yield Store(cursor, base.path, read_only=True)
    finally:
        cursor.close()


def try_pool(request: Request) -> TryItPool:
    return request.app.state.try_pool


def upload_limit(request: Request) -> int:
    return request.app.state.upload_limit


def network_cache(request: Request) -> ResultCache:
    return request.app.state.network_cache


ReadOnlyStore = Annotated[Store, Depends(store_cursor)]
TryPool = Annotated[TryItPool, Depends(try_pool)]
UploadLimit = Annotated[int, Depends(upload_limit)]
NetworkCache = Annotated[ResultCache, Depends(network_cache)]
