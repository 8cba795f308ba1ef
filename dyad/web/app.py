"""The FastAPI application: every page under `/` has a JSON twin under `/api`.

`build_app` only assembles: shared state on `app.state` (see `state.py`), middleware, the
one error shape (`responses.py`) and the routers (`routes/`). Everything is read-only;
the only POST (Try it) runs the pipeline and stores nothing.
"""
from __future__ import annotations

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
from .state import LazyPipeline, ResultCache
from .uploads import UPLOAD_LIMIT

DESCRIPTION = ("Political event data from news text: the JSON API behind dyad's web pages. "
               "Every page under / has its twin under /api; everything is read-only.")


def build_app(db: str, *, model: str | None = None, upload_limit: int = UPLOAD_LIMIT) -> FastAPI:
    """The app over the dyad database `db`, opened read-only once for all requests."""
    store = Store.open(db, read_only=True)
    app = FastAPI(title="dyad", version=__version__, docs_url=None, redoc_url=None, description=DESCRIPTION)
    app.state.store = store
    app.state.pipeline = LazyPipeline(model or DEFAULT_MODEL)
    app.state.templates = build_templates()
    app.state.upload_limit = upload_limit
    app.state.network_cache = ResultCache(size=64)
    app.add_middleware(BodyLimit, limit=upload_limit + 256 * 1024)
    app.middleware("http")(security_headers)  # added last, so outermost: the 413 above gets the headers too
    for kind in (DyadError, StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(kind, error_response)
    for router in ROUTERS:
        app.include_router(router)
    return app
