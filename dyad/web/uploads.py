"""Try it's input: pasted text or an uploaded .txt/.html file, checked and turned into article fields."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Optional

from fastapi import UploadFile

from ..errors import BadOption, EmptyArticle, UnsupportedUpload, UploadTooLarge
from ..ingest.readers import ReadError, _binary_or_empty, _decode, _html_article, _text_article

UPLOAD_LIMIT = 2 * 1024 * 1024
UPLOAD_TYPES = {".txt": "txt", ".text": "txt", ".htm": "html", ".html": "html"}
UPLOAD_MEDIA = {"", "text/plain", "text/html", "application/octet-stream", "application/xhtml+xml"}


def try_article(text: Optional[str], upload: Optional[UploadFile], published: Optional[str],
                title: Optional[str], *, limit: int) -> dict[str, Any]:
    """The article fields for one Try it run; an upload wins over pasted text, the form's title and date over the file's."""
    if published:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise BadOption("published", published, "a date as YYYY-MM-DD, or nothing") from None
    article = {"published": published or None, "title": title or None}
    if upload is not None and upload.filename:
        article.update(read_upload(upload, limit))
        if title:
            article["title"] = title
        if published:
            article["published"] = published
    elif text and text.strip():
        if len(text.encode("utf-8")) > limit:
            raise UploadTooLarge("the pasted text", limit)
        article["text"] = text
    else:
        raise EmptyArticle("no text was given")
    return article


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
