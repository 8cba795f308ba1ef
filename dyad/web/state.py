"""What one app shares across requests, kept on `app.state` and handed to routes as dependencies.

The database is opened read-only once (`app.state.store`); each request reads through its own
DuckDB cursor. The pipeline for Try it is built on first use (`app.state.pipeline`).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated, Any, Callable, Iterator

from fastapi import Depends, Request

from ..store import Store


class LazyPipeline:
    """The spaCy pipeline, built on first use and shared by every request of this process."""

    def __init__(self, model: str) -> None:
        self.model = model
        self._pipeline = None
        self._lock = threading.Lock()

    def extract(self, **article: Any) -> dict[str, Any]:
        with self._lock:  # one build; spaCy pipelines are not meant for concurrent calls
            if self._pipeline is None:
                from ..pipeline import Pipeline

                self._pipeline = Pipeline(self.model)
            return self._pipeline.extract(**article).to_dict()


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


def pipeline(request: Request) -> LazyPipeline:
    return request.app.state.pipeline


def upload_limit(request: Request) -> int:
    return request.app.state.upload_limit


def network_cache(request: Request) -> ResultCache:
    return request.app.state.network_cache


ReadOnlyStore = Annotated[Store, Depends(store_cursor)]
SharedPipeline = Annotated[LazyPipeline, Depends(pipeline)]
UploadLimit = Annotated[int, Depends(upload_limit)]
NetworkCache = Annotated[ResultCache, Depends(network_cache)]
