"""A fetched HTML page as an ``Article``: the same extraction as a saved page given to ``dyad ingest``
(``dyad.ingest.html_text``, so the same text gives the same ids), with trafilatura's metadata for the
authors and the canonical URL, and the fetch's provenance beside it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..ingest import Article, ReadError
from ..ingest.html_text import html_article
from .http import FetchFailure, Response


@dataclass(frozen=True)
class Provenance:
    """Where a fetched article came from; one ``fetches`` row once its document is known."""

    url: str
    final_url: str
    canonical_url: str
    source: str | None
    fetched: dt.datetime
    status: int
    title: str | None = None
    authors: str | None = None
    published: str | None = None


def page_article(response: Response, *, source: str | None = None) -> tuple[Article | ReadError, Provenance]:
    """The page's article (or why there is none) and its provenance."""
    origin = response.final_url
    article = html_article(response.body, origin)
    metadata = _metadata(response.body, response.final_url)
    canonical = (metadata.url if metadata and metadata.url else None) or response.final_url
    if isinstance(article, Article):
        article = Article(text=article.text, id=None, title=article.title, url=canonical,
                          published=article.published, origin=origin, format="html")
    provenance = Provenance(
        url=response.url, final_url=response.final_url, canonical_url=canonical, source=source,
        fetched=response.fetched, status=response.status,
        title=(metadata.title or None) if metadata else None,
        authors=(metadata.author or None) if metadata else None,
        published=getattr(article, "published", None))
    return article, provenance


def failure_record(failure: FetchFailure) -> ReadError:
    """A failed fetch as the read error ``dyad ingest`` stores: origin the URL, the code in the reason."""
    return ReadError(failure.url, str(failure))


def _metadata(body: bytes, url: str):
    """trafilatura's metadata (title, author, canonical URL, date, site name), or None."""
    import trafilatura

    try:
        return trafilatura.extract_metadata(body, default_url=url)
    except Exception:  # metadata is a bonus; the text is what counts
        return None
