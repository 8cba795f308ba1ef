"""Try it's input: pasted text or an uploaded .txt/.html file, checked and turned into article fields.

One size limit (`UPLOAD_LIMIT`, 2 MB) holds for a file's bytes and for the pasted text's UTF-8 bytes alike,
and both are refused with 413 (E013). The form is parsed here rather than by FastAPI's `Form()` parameters,
whose parser caps a text field at 1 MB with a 400 of its own; the request body may be larger than the limit
by what form encoding adds (percent-encoding triples non-ASCII bytes), and no more (`body_limit`).
"""
from __future__ import annotations

import datetime as dt
import inspect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Optional

from fastapi import Request
from starlette.datastructures import UploadFile

from ..errors import BadOption, EmptyArticle, UnsupportedUpload, UploadTooLarge
from ..ingest.readers import ReadError, _binary_or_empty, _decode, _html_article, _text_article

UPLOAD_LIMIT = 2 * 1024 * 1024
FORM_SLACK = 64 * 1024  # multipart headers and the small fields beside the text
MAX_TITLE = 1000
UPLOAD_TYPES = {".txt": "txt", ".text": "txt", ".htm": "html", ".html": "html"}
UPLOAD_MEDIA = {"", "text/plain", "text/html", "application/octet-stream", "application/xhtml+xml"}
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FORM_LIMITS = set(inspect.signature(Request.form).parameters)


def body_limit(limit: int) -> int:
    """The largest request body Try it reads: a text of `limit` bytes, percent-encoded, plus the other fields."""
    return 3 * limit + FORM_SLACK


@dataclass(frozen=True)
class TryForm:
    text: Optional[str] = None
    upload: Optional[UploadFile] = None
    published: Optional[str] = None
    title: Optional[str] = None


async def try_form(request: Request) -> AsyncIterator[TryForm]:
    """The Try it form (multipart or urlencoded), parsed with no field limit below the upload limit."""
    form = await request.form(**_form_limits(body_limit(request.app.state.upload_limit)))
    try:
        upload = form.get("file")
        if isinstance(upload, str):
            if upload:
                raise BadOption("file", upload[:20], "a .txt or .html file sent as multipart/form-data")
            upload = None
        yield TryForm(text=_field(form, "text"), upload=upload, published=_field(form, "published"),
                      title=_field(form, "title"))
    finally:
        await form.close()


def _form_limits(size: int) -> dict[str, int]:
    """Starlette's form limits, where this Starlette has them (0.40 on)."""
    limits = {"max_files": 1, "max_fields": 8, "max_part_size": size}
    return {name: value for name, value in limits.items() if name in FORM_LIMITS}


def _field(form, name: str) -> Optional[str]:
    value = form.get(name)
    if isinstance(value, UploadFile):
        raise BadOption(name, value.filename, "text, not a file")
    return value


def try_article(form: TryForm, *, limit: int) -> dict[str, Any]:
    """The article fields for one Try it run, checked; an upload wins over pasted text, and the form's
    title and date over the file's."""
    published, title = form.published or None, form.title or None
    if published and not (DAY.fullmatch(published) and _is_date(published)):
        raise BadOption("published", published, "a date as YYYY-MM-DD (years 0001 to 9999), or nothing")
    if title and len(title) > MAX_TITLE:
        raise BadOption("title", title[:20] + "...", f"at most {MAX_TITLE} characters")
    article = {"published": published, "title": title}
    if form.upload is not None and form.upload.filename:
        article.update(read_upload(form.upload, limit))
        article.update({k: v for k, v in (("title", title), ("published", published)) if v})
    elif form.text and form.text.strip():
        check_size("the pasted text", len(form.text.encode("utf-8")), limit)
        article["text"] = form.text
    else:
        raise EmptyArticle("no text was given")
    return article


def check_size(name: str, size: int, limit: int) -> None:
    """The one size limit, for a file's bytes and a pasted text's UTF-8 bytes alike."""
    if size > limit:
        raise UploadTooLarge(name, limit)


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def read_upload(upload: UploadFile, limit: int) -> dict[str, Any]:
    """An uploaded .txt or .html file -> article fields, through dyad's own readers."""
    name = Path(upload.filename or "upload").name
    suffix = Path(name).suffix.lower()
    media = (upload.content_type or "").split(";")[0].strip().lower()
    if suffix not in UPLOAD_TYPES:
        raise UnsupportedUpload(name, f"suffix {suffix or 'none'!r}")
    if media not in UPLOAD_MEDIA:
        raise UnsupportedUpload(name, f"type {media}")
    raw = upload.file.read(limit + 1)
    check_size(name, len(raw), limit)
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
