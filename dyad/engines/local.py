"""The local engine: ``multiprocessing`` worker processes, each building the pipeline once.

Workers receive lists of plain article dicts and return plain outcome dicts
(``{"key", "document"}`` or ``{"key", "error"}``): never spaCy objects. A failing
article becomes an error outcome; the rest of its chunk is still processed.
Workers leave stopping to the main process: they ignore Ctrl-C (the main process stops them), and
they end as soon as the main process does, even after ``kill -9`` (``follow_parent``).
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
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


def init_worker(model: str, kb_files: tuple[str, ...], monadic: bool, parent_pid: int | None = None) -> None:
    """Pool initializer: tie this process to the main one (``parent_pid``), then build the pipeline once."""
    global _PIPELINE
    if parent_pid is not None:
        follow_parent(parent_pid)
    from ..pipeline import Pipeline

    _PIPELINE = Pipeline(model, kb_files=kb_files, monadic=monadic)


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def follow_parent(parent_pid: int) -> None:
    """Ignore SIGINT (a Ctrl-C reaches the whole process group; the main process alone decides how to
    stop) and die with the main process: on Linux the kernel sends SIGKILL when it ends, however it
    ends; elsewhere a thread watches ``os.getppid()``. Either way no worker outlives a killed run
    to print broken-pipe tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _kill_me_with_parent():
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="dyad-parent-watch").start()
    if os.getppid() != parent_pid:  # the main process ended before the line above took effect
        os._exit(1)


def _kill_me_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os._exit(1)


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
        # Leaving this block for any reason (an exception, or the caller closing the generator on a
        # stop) terminates the workers: ``Pool.__exit__`` is ``terminate()``.
        with context.Pool(self.workers, initializer=init_worker, initargs=(*init_args, os.getpid())) as pool:
            pending: deque = deque()
            for chunk in chunks:
                pending.append(pool.apply_async(run_chunk, (chunk,)))
                if len(pending) >= window:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
