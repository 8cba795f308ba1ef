"""The local engine: ``multiprocessing`` worker processes, each building the pipeline once.

Workers receive lists of plain article dicts and return plain outcome dicts
(``{"key", "document"}`` or ``{"key", "error"}``): never spaCy objects. A failing
article becomes an error outcome; the rest of its chunk is still processed.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..document import Document

_PIPELINE = None  # one per worker process, built by the pool initializer


@dataclass(frozen=True)
class ChunkResult:
    outcomes: list[dict[str, Any]]
    pid: int
    peak_rss_mb: float
    extra: dict[str, Any] = field(default_factory=dict)


def init_worker(model: str, kb_files: tuple[str, ...], monadic: bool) -> None:
    """Pool initializer: build the pipeline once for this process."""
    global _PIPELINE
    from ..pipeline import Pipeline

    _PIPELINE = Pipeline(model, kb_files=kb_files, monadic=monadic)


def run_chunk(articles: list[dict[str, Any]]) -> ChunkResult:
    """Articles (``key``, ``text``, ``title``, ``url``, ``published``) -> outcomes in the same order."""
    outcomes = extract_outcomes(_PIPELINE, articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return ChunkResult(outcomes, os.getpid(), peak)


def extract_outcomes(pipeline, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Articles -> outcomes (``{"key", "document"}`` or ``{"key", "error"}``) in the same order.

    Shared by every engine, so a failing article is an error outcome everywhere alike."""
    fields = ("text", "title", "url", "published")
    inputs = [{name: a.get(name) for name in fields} for a in articles]
    outcomes = []
    for article, result in zip(articles, extract_each(pipeline, inputs)):
        if not isinstance(result, str):
            try:
                outcomes.append({"key": article["key"], "document": result.to_dict()})
                continue
            except Exception as err:
                result = failure_reason(err)
        outcomes.append({"key": article["key"], "error": result})
    return outcomes


def extract_each(pipeline, articles: list[dict[str, Any]]) -> list[Document | str]:
    """Each article's Document, or in its place why the pipeline failed on it (a string), in input order.

    The articles go through the pipeline together; if it raises, each is redone alone, so one bad
    article costs only itself. The engines and ``dyad extract`` all isolate articles through here."""
    try:
        documents = list(pipeline.extract_many(articles))
        if len(documents) == len(articles):
            return documents
    except Exception:  # one bad article must not sink the others: redo them one by one
        pass
    results: list[Document | str] = []
    for article in articles:
        try:
            results.append(next(iter(pipeline.extract_many([article]))))
        except Exception as err:
            results.append(failure_reason(err))
    return results


def failure_reason(err: BaseException) -> str:
    """``TypeError: message (at module.py:line)``: the exception and where it was raised."""
    frames = traceback.extract_tb(err.__traceback__)
    where = f" (at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno})" if frames else ""
    return f"{type(err).__name__}: {err}{where}"


class LocalEngine:
    """Map chunks over ``workers`` processes (1: in this process), in input order, with a bounded window."""

    def __init__(self, *, model: str, kb_files: Iterable[str] = (), monadic: bool = False,
                 workers: int | None = None, start_method: str = "spawn") -> None:
        self.model = model
        self.kb_files = tuple(str(p) for p in kb_files)
        self.monadic = monadic
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.start_method = start_method

    def map(self, chunks: Iterable[list[dict[str, Any]]]) -> Iterator[ChunkResult]:
        init_args = (self.model, self.kb_files, self.monadic)
        if self.workers == 1:
            init_worker(*init_args)
            for chunk in chunks:
                yield run_chunk(chunk)
            return
        context = multiprocessing.get_context(self.start_method)
        # Pool.imap would pull the whole input eagerly; a window of pending chunks keeps memory bounded.
        window = 2 * self.workers
        with context.Pool(self.workers, initializer=init_worker, initargs=init_args) as pool:
            pending: deque = deque()
            for chunk in chunks:
                pending.append(pool.apply_async(run_chunk, (chunk,)))
                if len(pending) >= window:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
