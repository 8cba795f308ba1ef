"""The FastAPI application: every page under `/` has a JSON twin under `/api`.

The database is opened read-only once; each request reads through its own
DuckDB cursor. The only POST (Try it) runs the pipeline and stores nothing.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Iterator, Optional
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import (BadOption, DyadError, EmptyArticle, NotFound, StoreLocked, StoreMissing, StoreNotDuckDB,
                      StoreOutdated, UnsupportedUpload, UploadTooLarge)
from ..store import Store
from . import data
from .render import QUAD_CLASSES, annotate

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
UPLOAD_LIMIT = 2 * 1024 * 1024
UPLOAD_TYPES = {".txt": "txt", ".text": "txt", ".htm": "html", ".html": "html"}
UPLOAD_MEDIA = {"", "text/plain", "text/html", "application/octet-stream", "application/xhtml+xml"}
STATUS = {NotFound: 404, UploadTooLarge: 413, UnsupportedUpload: 415, StoreLocked: 503, StoreMissing: 503,
          StoreNotDuckDB: 503, StoreOutdated: 503}
CAMEO_ROOTS = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate", "04": "consult",
    "05": "engage in diplomatic cooperation", "06": "engage in material cooperation", "07": "provide aid",
    "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
    "14": "protest", "15": "exhibit force posture", "16": "reduce relations", "17": "coerce", "18": "assault",
    "19": "fight", "20": "use unconventional mass violence",
}
SECURITY_HEADERS = {
    # Scripts only from this server; Plotly sets inline styles, so styles need 'unsafe-inline'.
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
EVENT_COLUMNS = ["date", "source", "trigger", "target", "cameo", "label", "quad_class", "goldstein", "realis",
                 "place", "confidence", "speaker", "title", "published", "document_id", "event_id"]


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


class BodyLimit:
    """Refuse a request body over `limit` bytes with 413 before anything parses or spools it."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(scope, receive, send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                return await self._refuse(scope, receive, send)
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send) -> None:
        from starlette.requests import Request as StarletteRequest

        request = StarletteRequest(scope, receive)
        response = error_response(request, UploadTooLarge("the request body", self.limit - 256 * 1024))
        await response(scope, receive, send)


_templates: Jinja2Templates | None = None


def templates() -> Jinja2Templates:
    global _templates
    if _templates is None:
        env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True)
        env.globals.update(quad_classes=QUAD_CLASSES, cameo_roots=CAMEO_ROOTS, version=__version__,
                           qs=lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")}))
        env.filters["goldstein_class"] = lambda g: "" if g is None else ("coop" if g > 0 else "conf" if g < 0 else "neutral")
        _templates = Jinja2Templates(env=env)
    return _templates


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
    if wants_json(request):
        return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)
    return templates().TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message},
                                        status_code=status)


def build_app(db: str, *, model: str | None = None, upload_limit: int = UPLOAD_LIMIT) -> FastAPI:
    from ..pipeline import DEFAULT_MODEL

    base = Store.open(db, read_only=True)
    pipeline = LazyPipeline(model or DEFAULT_MODEL)
    network_cache: OrderedDict[tuple, dict] = OrderedDict()  # the database is read-only: results never go stale
    cache_lock = threading.Lock()

    app = FastAPI(title="dyad", version=__version__, docs_url=None, redoc_url=None,
                  description="Political event data from news text: the JSON API behind dyad's web pages. "
                              "Every page under / has its twin under /api; everything is read-only.")
    app.state.store = base
    app.state.pipeline = pipeline
    app.add_middleware(BodyLimit, limit=upload_limit + 256 * 1024)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    for kind in (DyadError, StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(kind, error_response)

    def get_store() -> Iterator[Store]:
        cursor = base.con.cursor()
        try:
            yield Store(cursor, base.path, read_only=True)
        finally:
            cursor.close()

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates().TemplateResponse(request, name, context)

    # --- assets: a fixed list, never a path from the request ---------------------

    import plotly

    assets = {name: (HERE / "static" / name, media) for name, media in
              (("dyad.js", "text/javascript"), ("dyad.css", "text/css"))}
    assets["plotly.min.js"] = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js", "text/javascript")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in assets:
            raise StarletteHTTPException(404)
        path, media = assets[name]
        return Response(path.read_bytes(), media_type=media, headers={"cache-control": "public, max-age=3600"})

    # --- home -----------------------------------------------------------------------

    @app.get("/api/summary", tags=["corpus"])
    def api_summary(store: Store = Depends(get_store)) -> dict:
        """Counts of documents, actors, events, quotes and merged events; the publication date range."""
        return data.summary(store)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, store: Store = Depends(get_store)):
        return page(request, "home.html", summary=data.summary(store), dyads=data.dyads(store, limit=10)["items"],
                    actors=data.actors(store, limit=10)["items"])

    # --- articles -------------------------------------------------------------------

    @app.get("/api/articles", tags=["articles"])
    def api_articles(q: Optional[str] = None, limit: int = 50, offset: int = 0,
                     store: Store = Depends(get_store)) -> dict:
        """Stored articles, newest first; `q` matches the title (substring) or the id."""
        return data.articles(store, q=q, limit=limit, offset=offset)

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, q: Optional[str] = None, limit: int = 50, offset: int = 0,
                      store: Store = Depends(get_store)):
        return page(request, "articles.html", result=data.articles(store, q=q, limit=limit, offset=offset))

    @app.get("/api/articles/{doc_id}", tags=["articles"])
    def api_article(doc_id: str, store: Store = Depends(get_store)) -> dict:
        """One article in dyad's output contract (text, sentences, actors, events, quotes, removed), plus
        `corpus_id` on each actor (its id across the database)."""
        return data.article(store, doc_id)

    @app.get("/articles/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, doc_id: str, store: Store = Depends(get_store)):
        doc = data.article(store, doc_id)
        return page(request, "article.html", doc=doc, annotated=annotate(doc, link_actors=True), stored=True)

    # --- try it ---------------------------------------------------------------------

    def run_try(text: Optional[str], upload: Optional[UploadFile], published: Optional[str],
                title: Optional[str]) -> dict:
        if published:
            try:
                dt.date.fromisoformat(published)
            except ValueError:
                raise BadOption("published", published, "a date as YYYY-MM-DD, or nothing") from None
        article = {"published": published or None, "title": title or None}
        if upload is not None and upload.filename:
            article.update(read_upload(upload, upload_limit))
            if title:
                article["title"] = title
            if published:
                article["published"] = published
        elif text and text.strip():
            if len(text.encode("utf-8")) > upload_limit:
                raise UploadTooLarge("the pasted text", upload_limit)
            article["text"] = text
        else:
            raise EmptyArticle("no text was given")
        return pipeline.extract(**article)

    @app.post("/api/try", tags=["try it"])
    def api_try(text: Optional[str] = Form(None), file: Optional[UploadFile] = File(None),
                published: Optional[str] = Form(None), title: Optional[str] = Form(None)) -> dict:
        """Run dyad on pasted `text` or an uploaded `file` (.txt or .html, at most 2 MB) with an optional
        `published` date (YYYY-MM-DD); returns the Document in the output contract. Nothing is stored."""
        return run_try(text, file, published, title)

    @app.get("/try", response_class=HTMLResponse, include_in_schema=False)
    def try_form(request: Request):
        return page(request, "try.html", doc=None, form={}, limit_mb=upload_limit // (1024 * 1024))

    @app.post("/try", response_class=HTMLResponse, include_in_schema=False)
    def try_page(request: Request, text: Optional[str] = Form(None), file: Optional[UploadFile] = File(None),
                 published: Optional[str] = Form(None), title: Optional[str] = Form(None)):
        doc = run_try(text, file, published, title)
        return page(request, "try.html", doc=doc, annotated=annotate(doc), stored=False,
                    form={"text": text or "", "published": published or "", "title": title or ""},
                    limit_mb=upload_limit // (1024 * 1024))

    # --- actors ---------------------------------------------------------------------

    @app.get("/api/actors", tags=["actors"])
    def api_actors(q: Optional[str] = None, limit: int = 50, offset: int = 0,
                   store: Store = Depends(get_store)) -> dict:
        """Corpus actors by mentions; `q` matches the name (substring), code (prefix) or country."""
        return data.actors(store, q=q, limit=limit, offset=offset)

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, q: Optional[str] = None, limit: int = 50, offset: int = 0,
                    store: Store = Depends(get_store)):
        return page(request, "actors.html", result=data.actors(store, q=q, limit=limit, offset=offset))

    @app.get("/api/actors/{actor_id}", tags=["actors"])
    def api_actor(actor_id: str, store: Store = Depends(get_store)) -> dict:
        """One actor: roles, affiliations, memberships, partners, events as source and as target, quotations
        and merged events per month."""
        return data.actor(store, actor_id)

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: str, store: Store = Depends(get_store)):
        return page(request, "actor.html", result=data.actor(store, actor_id))

    # --- dyads ----------------------------------------------------------------------

    @app.get("/api/dyads", tags=["dyads"])
    def api_dyads(limit: int = 50, store: Store = Depends(get_store)) -> dict:
        """Directed actor pairs by merged events, with cooperation and conflict counts."""
        return data.dyads(store, limit=limit)

    @app.get("/dyads", response_class=HTMLResponse, include_in_schema=False)
    def dyads_page(request: Request, limit: int = 50, store: Store = Depends(get_store)):
        return page(request, "dyads.html", result=data.dyads(store, limit=limit))

    @app.get("/api/dyads/{a}/{b}", tags=["dyads"])
    def api_dyad(a: str, b: str, store: Store = Depends(get_store)) -> dict:
        """Events between actors `a` and `b` (either direction): merged events per month with the mean
        Goldstein score, and every reported event."""
        return data.dyad(store, a, b)

    @app.get("/dyads/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: str, b: str, store: Store = Depends(get_store)):
        return page(request, "dyad.html", result=data.dyad(store, a, b))

    # --- network --------------------------------------------------------------------

    def network(store: Store, **filters: Any) -> dict:
        key = tuple(sorted(filters.items()))
        with cache_lock:
            if key in network_cache:
                network_cache.move_to_end(key)
                return network_cache[key]
        result = data.network(store, **filters)
        with cache_lock:
            network_cache[key] = result
            while len(network_cache) > 64:
                network_cache.popitem(last=False)
        return result

    @app.get("/api/network", tags=["network"])
    def api_network(since: Optional[str] = None, until: Optional[str] = None, root: Optional[str] = None,
                    country: Optional[str] = None, realis: Optional[str] = None, max_nodes: int = 80,
                    store: Store = Depends(get_store)) -> dict:
        """Actors (nodes sized by merged events, with x/y from a deterministic force layout) and directed edges
        with their mean Goldstein score. Filters: date range (YYYY[-MM[-DD]]), CAMEO root, actor country, realis."""
        return network(store, since=since, until=until, root=root, country=country, realis=realis, max_nodes=max_nodes)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, since: Optional[str] = None, until: Optional[str] = None,
                     root: Optional[str] = None, country: Optional[str] = None, realis: Optional[str] = None,
                     max_nodes: int = 80, store: Store = Depends(get_store)):
        result = network(store, since=since, until=until, root=root, country=country, realis=realis,
                         max_nodes=max_nodes)
        return page(request, "network.html", result=result, realis_values=data.REALIS)

    # --- events ---------------------------------------------------------------------

    def event_filters(actor: Optional[str] = None, source: Optional[str] = None, target: Optional[str] = None,
                      code: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                      realis: Optional[str] = None, country: Optional[str] = None, sort: str = "date",
                      order: str = "asc") -> dict:
        return {k: (v or None) if k not in ("sort", "order") else v for k, v in locals().items()}

    @app.get("/api/events", tags=["events"])
    def api_events(filters: dict = Depends(event_filters), limit: int = 100, offset: int = 0,
                   store: Store = Depends(get_store)) -> dict:
        """Events as reported (one row per document event), filtered, sorted and paged. `actor`, `source`
        and `target` match names (substring); `code` is a CAMEO prefix; `since`/`until` take YYYY[-MM[-DD]];
        `country` matches either actor's country or the place's; `sort` is one of
        date, source, target, cameo, goldstein, realis, confidence, place, published."""
        return data.events(store, **filters, limit=limit, offset=offset)

    @app.get("/api/events.csv", tags=["events"], response_class=StreamingResponse)
    def api_events_csv(filters: dict = Depends(event_filters), store: Store = Depends(get_store)):
        """The same rows as /api/events, all of them, as CSV."""
        result = data.events(store, **filters, limit=None)  # validates, and the cursor closes with the request
        return StreamingResponse(csv_rows(result["items"]), media_type="text/csv; charset=utf-8",
                                 headers={"content-disposition": 'attachment; filename="dyad-events.csv"'})

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, filters: dict = Depends(event_filters), limit: int = 100, offset: int = 0,
                    store: Store = Depends(get_store)):
        result = data.events(store, **filters, limit=limit, offset=offset)
        return page(request, "events.html", result=result, realis_values=data.REALIS, sorts=list(data.EVENT_SORTS))

    # --- API docs (local: FastAPI's default pages load Swagger UI from a CDN) ---------

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        return page(request, "docs.html", spec=app.openapi())

    return app


def csv_rows(rows: list[dict]) -> Iterator[str]:
    """CSV text in pieces; text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    for i, row in enumerate(rows):
        writer.writerow([_cell(row.get(c)) for c in EVENT_COLUMNS])
        if i % 500 == 499:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def read_upload(upload: UploadFile, limit: int) -> dict[str, Any]:
    """An uploaded .txt or .html file -> article fields, through dyad's own readers."""
    from ..ingest.readers import _binary_or_empty, _decode, _html_article, _text_article, ReadError

    name = Path(upload.filename or "upload").name
    suffix = Path(name).suffix.lower()
    media = (upload.content_type or "").split(";")[0].strip().lower()
    if suffix not in UPLOAD_TYPES:
        raise UnsupportedUpload(name, f"suffix {suffix or 'none'!r}")
    if media not in UPLOAD_MEDIA:
        raise UnsupportedUpload(name, f"type {media}")
    raw = upload.file.read(limit + 1)
    if len(raw) > limit:
        raise UploadTooLarge(name, limit)
    if problem := _binary_or_empty(raw):
        if "empty" in problem:
            raise EmptyArticle(f"{name}: {problem}")
        raise UnsupportedUpload(name, problem)
    if UPLOAD_TYPES[suffix] == "html":
        record = _html_article(raw, name)
    else:
        text = _decode(raw, name)
        record = text if isinstance(text, ReadError) else _text_article(text, origin=name, file_format="txt")
    if isinstance(record, ReadError):
        raise EmptyArticle(f"{name}: {record.reason}")
    return {"text": record.text, "title": record.title, "published": record.published, "url": record.url}
