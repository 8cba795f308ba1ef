"""Stored articles: the list and one annotated article."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import data
from ..params import Limit, Offset, Term
from ..render import annotate
from ..responses import page
from ..state import ReadOnlyStore

router = APIRouter()


@router.get("/api/articles", tags=["articles"])
def api_articles(store: ReadOnlyStore, q: Term = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Stored articles, newest first; `q` matches the title (substring) or the id."""
    return data.articles(store, q=q, limit=limit, offset=offset)


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request, store: ReadOnlyStore, q: Term = None, limit: Limit = 50, offset: Offset = 0):
    return page(request, "articles.html", result=data.articles(store, q=q, limit=limit, offset=offset))


@router.get("/api/articles/{doc_id}", tags=["articles"])
def api_article(doc_id: str, store: ReadOnlyStore) -> dict:
    """One article in dyad's output contract (text, sentences, actors, events, quotes, removed), plus
    `corpus_id` on each actor (its id across the database)."""
    return data.article(store, doc_id)


@router.get("/articles/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, doc_id: str, store: ReadOnlyStore):
    doc = data.article(store, doc_id)
    return page(request, "article.html", doc=doc, annotated=annotate(doc, link_actors=True), stored=True)
