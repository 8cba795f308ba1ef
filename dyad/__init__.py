"""dyad: political event data from news text.

>>> import dyad
>>> doc = dyad.extract("Russia hosted talks with Hamas in Moscow on Monday.", published="2024-03-06")
>>> doc.to_dict()["events"][0]["cameo"]  # doctest: +SKIP
"""
from __future__ import annotations

import logging

from .document import Actor, Document, Event, Mention, Quote, Role
from .version import __version__

__all__ = ["extract", "Document", "Actor", "Event", "Quote", "Mention", "Role", "Pipeline", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text: str, *, published: str | None = None, title: str | None = None, model: str | None = None) -> Document:
    """Actors, events and quotes of one article (the pipeline is built once per process)."""
    from .pipeline import DEFAULT_MODEL, default_pipeline

    return default_pipeline(model or DEFAULT_MODEL).extract(text, published=published, title=title)


def __getattr__(name: str):
    if name == "Pipeline":  # heavy: imports spaCy
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
