"""How results and errors become responses: the Jinja environment, page rendering, the one error shape."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..version import __version__
from ..errors import (DyadError, NotFound, StoreLocked, StoreMissing, StoreNotDuckDB, StoreOutdated, TryItBusy,
                      TryItTimeout, TryItUnavailable, UnsupportedUpload, UploadTooLarge)
from .render import QUAD_CLASSES

TEMPLATES = Path(__file__).parent / "templates"
# 5xx only for the server's own state: the database (503), Try it overloaded or unable to run (503, try again)
# or a text that ran past the time limit (504: the worker, like an upstream, did not answer in time).
STATUS = {NotFound: 404, UploadTooLarge: 413, UnsupportedUpload: 415, StoreLocked: 503, StoreMissing: 503,
          StoreNotDuckDB: 503, StoreOutdated: 503, TryItBusy: 503, TryItUnavailable: 503, TryItTimeout: 504}
RETRY_AFTER = {TryItBusy: "5"}  # seconds
CAMEO_ROOTS = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate", "04": "consult",
    "05": "engage in diplomatic cooperation", "06": "engage in material cooperation", "07": "provide aid",
    "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
    "14": "protest", "15": "exhibit force posture", "16": "reduce relations", "17": "coerce", "18": "assault",
    "19": "fight", "20": "use unconventional mass violence",
}


def build_templates() -> Jinja2Templates:
    """The page templates, autoescaped, with the globals and filters every page uses."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(quad_classes=QUAD_CLASSES, cameo_roots=CAMEO_ROOTS, version=__version__,
                       qs=lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")}))
    env.filters["goldstein_class"] = lambda g: "" if g is None else ("coop" if g > 0 else "conf" if g < 0 else "neutral")
    return Jinja2Templates(env=env)


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    """The template `name` rendered with `context`, through the app's templates (`app.state.templates`)."""
    return request.app.state.templates.TemplateResponse(request, name, context)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, err: Exception) -> Response:
    """The one error shape: JSON `{"error": {...}}` under /api, an HTML page elsewhere; never a traceback."""
    if isinstance(err, DyadError):
        status = next((code for kind, code in STATUS.items() if isinstance(err, kind)), 400)
        code, message = err.code, str(err)
    elif isinstance(err, StarletteHTTPException):
        status, code = err.status_code, f"HTTP{err.status_code}"
        message = {404: f"no page at {request.url.path}; see / for the pages and /docs for the API",
                   405: f"{request.method} is not allowed on {request.url.path}; this app is read-only"}.get(
            status, str(err.detail))
    elif isinstance(err, RequestValidationError):
        status, code = 422, "HTTP422"
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in err.errors()]
        message = "invalid parameter(s): " + "; ".join(problems)
    else:
        status, code, message = 500, "HTTP500", "internal error; the server log has the details"
    after = next((seconds for kind, seconds in RETRY_AFTER.items() if isinstance(err, kind)), None)
    headers = {"retry-after": after} if after else None
    if wants_json(request):
        return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status,
                            headers=headers)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "code": code, "message": message}, status_code=status,
        headers=headers)
