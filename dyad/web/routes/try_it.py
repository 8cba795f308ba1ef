"""Try it: run dyad on pasted text or an uploaded file; nothing is stored.

The routes are async and never block the event loop: reading the upload and rendering the page run on the
server's thread pool, the NLP on a worker process of the app's `TryItPool` (see `pool.py`).
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from ..render import annotate
from ..responses import page
from ..state import TryPool, UploadLimit
from ..uploads import MAX_TITLE, TryForm, try_article, try_form

Form = Annotated[TryForm, Depends(try_form)]

FIELDS = {
    "text": {"type": "string", "description": "the article's text (at most the upload limit in UTF-8 bytes)"},
    "published": {"type": "string", "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$",
                  "description": "publication date, YYYY-MM-DD: relative dates in the text are resolved against it"},
    "title": {"type": "string", "maxLength": MAX_TITLE},
}
FILE = {"type": "string", "format": "binary", "description": "a .txt or .html file, at most the upload limit"}
# The form is parsed by `try_form`, not by `Form()` parameters, so the OpenAPI document is written out here.
TRY_BODY = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {"type": "object", "properties": {**FIELDS, "file": FILE}}},
    "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": FIELDS}},
}}}
TRY_ERRORS = {
    400: {"description": "no text, or a bad `published` date or title (E015, E002)"},
    413: {"description": "the file or the text is over the upload limit (E013)"},
    415: {"description": "not a .txt or .html file (E014)"},
    503: {"description": "every worker busy and the queue full (E019), or Try it cannot run here (E021); "
                         "see Retry-After"},
    504: {"description": "the text took longer than the time limit (E020)"},
}

router = APIRouter()


@router.post("/api/try", tags=["try it"], openapi_extra=TRY_BODY, responses=TRY_ERRORS)
async def api_try(form: Form, pool: TryPool, limit: UploadLimit) -> dict:
    """Run dyad on pasted `text` or an uploaded `file` (.txt or .html, at most 2 MB) with an optional
    `published` date (YYYY-MM-DD); returns the Document in the output contract. Nothing is stored.
    A run stops after 120 s (unless the server sets another limit): 504."""
    article = await run_in_threadpool(try_article, form, limit=limit)
    return await pool.extract(article)


@router.get("/try", response_class=HTMLResponse, include_in_schema=False)
def try_form_page(request: Request, limit: UploadLimit, pool: TryPool):
    return page(request, "try.html", doc=None, form={}, limit_mb=limit // (1024 * 1024), timeout=pool.timeout)


@router.post("/try", response_class=HTMLResponse, include_in_schema=False)
async def try_page(request: Request, form: Form, pool: TryPool, limit: UploadLimit):
    article = await run_in_threadpool(try_article, form, limit=limit)
    doc = await pool.extract(article)
    return await run_in_threadpool(_result_page, request, doc, form, limit, pool.timeout)


def _result_page(request: Request, doc: dict, form: TryForm, limit: int, timeout: float) -> HTMLResponse:
    return page(request, "try.html", doc=doc, annotated=annotate(doc), stored=False,
                form={"text": form.text or "", "published": form.published or "", "title": form.title or ""},
                limit_mb=limit // (1024 * 1024), timeout=timeout)
