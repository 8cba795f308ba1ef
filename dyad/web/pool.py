"""Try it's NLP off the event loop: a few worker processes, each building its own pipeline once.

Processes, not threads over the server's one pipeline, because:
- spaCy makes no promise for two threads calling one pipeline at once (concurrent calls on one `nlp` have
  given unstable results: explosion/spaCy#6398), and `load_model` keeps one `nlp` per model per process,
  so a second Pipeline in the same process would share it;
- the models and dyad's stages hold the GIL, so threads would not run two texts at once anyway;
- a thread cannot be stopped when a text takes too long; a process can be killed and replaced.

Each request has one deadline, `timeout` seconds after it arrives. It waits for a worker while the deadline
allows (else `TryItBusy`, 503) and the worker must answer before it (else the worker is killed and replaced,
and the request gets `TryItTimeout`, 504). Texts over `long_text` characters run on at most `workers - 1`
workers, at a lower CPU priority (nice 5), so a long text never holds them all and short ones keep moving.
At most `queue_size` requests wait or run at once; one more is refused at once (`TryItBusy`). Workers start
on first use; one that ran a long text is replaced, which hands its memory back. The route awaits a
future: no event-loop time and no thread of the server's pool is spent waiting, so the other pages never
queue behind Try it.
"""
from __future__ import annotations

import asyncio
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..errors import DyadError, TryItBusy, TryItTimeout, TryItUnavailable

LONG_TEXT = 50_000  # characters: about ten long news articles
LONG_TEXT_NICE = 5
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # where this dyad is imported from, for the workers


def serve(conn, model: str) -> None:
    """A worker process: build the pipeline once, then answer each article dict with an outcome dict."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, and the server stops its workers
    from ..pipeline import Pipeline  # spaCy is heavy: only worker processes import it

    try:
        pipeline, problem = Pipeline(model), None
    except DyadError as err:  # a missing model or a bad data file: every request is told so
        pipeline, problem = None, str(err)
    while True:
        try:
            article = conn.recv()
            conn.send(outcome(pipeline, problem, article))
        except (EOFError, OSError):  # the server closed its end, or is gone
            return


def outcome(pipeline, problem: str | None, article: dict[str, Any]) -> dict[str, Any]:
    """`{"document": ...}`, `{"unavailable": why}` or `{"failed": traceback}`: plain data across the pipe."""
    if pipeline is None:
        return {"unavailable": problem}
    try:
        return {"document": pipeline.extract(**article).to_dict()}
    except Exception:
        return {"failed": traceback.format_exc()}


class Worker:
    """One worker process (`python -m dyad.web.pool FD MODEL`) and a socket pair to it.

    A fresh interpreter rather than multiprocessing's spawn, which re-imports the server's `__main__`:
    that fails in a script without a `__main__` guard and costs a CLI import in every worker."""

    def __init__(self, model: str) -> None:
        ours, theirs = socket.socketpair()
        path = os.pathsep.join(filter(None, [PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))
        with theirs:
            env = {**os.environ, "PYTHONPATH": path}
            self.process = subprocess.Popen([sys.executable, "-m", "dyad.web.pool", str(theirs.fileno()), model],
                                            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, env=env)
        self._conn = Connection(ours.detach())

    def run(self, article: dict[str, Any], timeout: float) -> dict[str, Any] | None:
        """The worker's outcome, or None when it has not answered within `timeout` seconds."""
        try:
            self._conn.send(article)
            if not self._conn.poll(max(timeout, 0.0)):
                return None
            return self._conn.recv()
        except (EOFError, OSError):  # it died: killed for memory, or by close()
            try:
                code = self.process.wait(1)
            except subprocess.TimeoutExpired:
                code = None
            return {"stopped": f"its worker process stopped (exit code {code})"}

    def alive(self) -> bool:
        return self.process.poll() is None

    def lower_priority(self) -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, LONG_TEXT_NICE)
        except (AttributeError, OSError):  # no setpriority here, or the process is gone
            pass

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self._conn.close()


class TryItPool:
    """`workers` worker processes behind a bounded queue, with one time limit per request."""

    def __init__(self, model: str, *, workers: int = 2, timeout: float = 120.0, queue_size: int = 8,
                 long_text: int = LONG_TEXT) -> None:
        self.model, self.workers, self.timeout, self.queue_size, self.long_text = \
            model, workers, timeout, queue_size, long_text
        self._idle: queue.LifoQueue[Worker | None] = queue.LifoQueue()  # LIFO: a warm worker before a cold slot
        for _ in range(workers):
            self._idle.put(None)  # started on first use
        self._short = ThreadPoolExecutor(workers, thread_name_prefix="dyad-try-it")
        self._long = ThreadPoolExecutor(max(1, workers - 1), thread_name_prefix="dyad-try-it-long")
        self._lock = threading.Lock()
        self._live: set[Worker] = set()
        self._pending = 0
        weakref.finalize(self, _stop, self._live)  # at exit, if nobody called close()

    @property
    def started(self) -> int:
        """Worker processes running now."""
        return len(self._live)

    @property
    def pending(self) -> int:
        """Requests waiting or running now."""
        return self._pending

    async def extract(self, article: dict[str, Any]) -> dict[str, Any]:
        """The Document for `article` (Pipeline.extract's keywords) as a dict, from a worker process."""
        deadline = time.monotonic() + self.timeout
        is_long = len(article.get("text") or "") > self.long_text
        future = self._submit(article, deadline, is_long)
        result = await asyncio.wrap_future(future)
        if "document" in result:
            return result["document"]
        if "busy" in result:
            raise TryItBusy(self._pending)
        if "timeout" in result:
            raise TryItTimeout(len(article.get("text") or ""), self.timeout)
        if "failed" in result:  # a bug, not the user's to fix: a 500, with the worker's traceback in the log
            raise RuntimeError(f"Try it failed in its worker process:\n{result['failed']}")
        raise TryItUnavailable(result.get("unavailable") or result["stopped"])

    def _submit(self, article: dict[str, Any], deadline: float, is_long: bool) -> Future:
        with self._lock:
            if self._pending >= self.queue_size:
                raise TryItBusy(self._pending)
            self._pending += 1
        future = (self._long if is_long else self._short).submit(self._run, article, deadline, is_long)
        future.add_done_callback(self._release)  # also when the request is cancelled before its turn
        return future

    def _release(self, _future: Future) -> None:
        with self._lock:
            self._pending -= 1

    def _run(self, article: dict[str, Any], deadline: float, is_long: bool) -> dict[str, Any]:
        """In a pool thread: take a worker, run the article on it before the deadline, give the worker back."""
        try:
            worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return {"busy": True}
        if time.monotonic() >= deadline:
            self._idle.put(worker)
            return {"busy": True}
        if worker is None or not worker.alive():  # a cold slot, or a worker close() stopped
            worker = self._start()
        if is_long:  # the short texts beside it get the CPU first; nice only goes up, but this worker is retired
            worker.lower_priority()
        result = worker.run(article, deadline - time.monotonic())
        if result is None or is_long:
            self._retire(worker)
            worker = self._start()  # the new one loads while nobody waits for it
        elif "stopped" in result:  # killed for memory, or by close(): the next request starts another
            self._retire(worker)
            worker = None
        self._idle.put(worker)
        return {"timeout": True} if result is None else result

    def _start(self) -> Worker:
        worker = Worker(self.model)
        with self._lock:
            self._live.add(worker)
        return worker

    def _retire(self, worker: Worker) -> None:
        with self._lock:
            self._live.discard(worker)
        worker.stop()

    def close(self) -> None:
        """Stop every worker process (requests running get `TryItUnavailable`); the next request starts new ones.

        The app's lifespan calls it when the server stops; a test client may start and stop the lifespan
        more than once, so the pool stays usable."""
        with self._lock:
            workers = list(self._live)
            self._live.clear()
        for worker in workers:
            worker.stop()


def _stop(workers: set[Worker]) -> None:
    for worker in list(workers):
        worker.stop()


if __name__ == "__main__":  # a worker: python -m dyad.web.pool FD MODEL
    serve(Connection(int(sys.argv[1])), sys.argv[2])
