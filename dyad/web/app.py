"""The FastAPI application: every page under `/` has a JSON twin under `/api`.

`build_app` only assembles: shared state on `app.state` (see `state.py`), middleware, the
one error shape (`responses.py`) and the routers (`routes/`). Everything is read-only;
the only POST (Try it) runs the pipeline and stores nothing.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..version import __version__
from ..config import DEFAULT_MODEL
from ..errors import DyadError
from ..store import Store
from .csv_export import _cell  # noqa: F401  (tests and callers import it from here, as before the split)
from .middleware import BodyLimit, security_headers
from .responses import build_templates, error_response
from .routes import ROUTERS
from .pool import TryItPool
from .state import ResultCache
from .uploads import UPLOAD_LIMIT, body_limit

DESCRIPTION = ("Political event data from news text: the JSON API behind dyad's web pages. "
               "Every page under / has its twin under /api; everything is read-only.")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.try_pool.close()  # the worker processes go with the server


def build_app(db: str, *, model: str | None = None, upload_limit: int = UPLOAD_LIMIT, try_workers: int = 2,
              try_timeout: float = 120.0, try_queue: int = 8) -> FastAPI:
    """The app over the dyad database `db`, opened read-only once for all requests.

    Try it takes a file or pasted text of at most `upload_limit` bytes and runs on `try_workers` worker
    processes, at most `try_queue` requests waiting or running, each stopped after `try_timeout` seconds."""
    store = Store.open(db, read_only=True)
    app = FastAPI(title="dyad", version=__version__, docs_url=None, redoc_url=None, description=DESCRIPTION,
                  lifespan=lifespan)
    app.state.store = store
    app.state.try_pool = TryItPool(model or DEFAULT_MODEL, workers=try_workers, timeout=try_timeout,
                                   queue_size=try_queue)
    app.state.templates = build_templates()
    app.state.upload_limit = upload_limit
    app.state.network_cache = ResultCache(size=64)
    app.add_middleware(BodyLimit, limit=body_limit(upload_limit), stated=upload_limit)
    app.middleware("http")(security_headers)  # added last, so outermost: the 413 above gets the headers too
    for kind in (DyadError, StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(kind, error_response)
    for router in ROUTERS:
        app.include_router(router)
    return app
