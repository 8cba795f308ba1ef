"""Try it: run dyad on pasted text or an uploaded file; nothing is stored."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from ..render import annotate
from ..responses import page
from ..state import SharedPipeline, UploadLimit
from ..uploads import try_article

router = APIRouter()


@router.post("/api/try", tags=["try it"])
def api_try(pipeline: SharedPipeline, limit: UploadLimit, text: Optional[str] = Form(None),
            file: Optional[UploadFile] = File(None), published: Optional[str] = Form(None),
            title: Optional[str] = Form(None)) -> dict:
    """Run dyad on pasted `text` or an uploaded `file` (.txt or .html, at most 2 MB) with an optional
    `published` date (YYYY-MM-DD); returns the Document in the output contract. Nothing is stored."""
    return pipeline.extract(**try_article(text, file, published, title, limit=limit))


@router.get("/try", response_class=HTMLResponse, include_in_schema=False)
def try_form(request: Request, limit: UploadLimit):
    return page(request, "try.html", doc=None, form={}, limit_mb=limit // (1024 * 1024))


@router.post("/try", response_class=HTMLResponse, include_in_schema=False)
def try_page(request: Request, pipeline: SharedPipeline, limit: UploadLimit, text: Optional[str] = Form(None),
             file: Optional[UploadFile] = File(None), published: Optional[str] = Form(None),
             title: Optional[str] = Form(None)):
    doc = pipeline.extract(**try_article(text, file, published, title, limit=limit))
    return page(request, "try.html", doc=doc, annotated=annotate(doc), stored=False,
                form={"text": text or "", "published": published or "", "title": title or ""},
                limit_mb=limit // (1024 * 1024))
