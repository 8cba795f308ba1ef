"""Try it's worker pool, with stand-in workers that sleep instead of parsing (no model, no processes)."""
from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from dyad.errors import TryItBusy, TryItTimeout, TryItUnavailable
from dyad.web import pool as pool_module
from dyad.web.pool import TryItPool


class SleepingWorker:
    """Answers {"document": ...} after `article["sleep"]` seconds, or None past its timeout, like Worker."""

    running: list[str] = []  # kinds of the texts running now, in every instance
    started = 0
    lock = threading.Lock()

    def __init__(self, model: str) -> None:
        with SleepingWorker.lock:
            SleepingWorker.started += 1
        self.stopped = False
        self.niced = False

    def alive(self) -> bool:
        return not self.stopped

    def run(self, article: dict, timeout: float):
        kind = "long" if len(article["text"]) > 10 else "short"
        with SleepingWorker.lock:
            SleepingWorker.running.append(kind)
            seen = list(SleepingWorker.running)
        try:
            if article.get("crash"):
                return {"stopped": "its worker process stopped (exit code -9)"}
            if article["sleep"] > timeout:
                time.sleep(timeout)
                return None
            time.sleep(article["sleep"])
            return {"document": {"text": article["text"], "seen": seen}}
        finally:
            with SleepingWorker.lock:
                SleepingWorker.running.remove(kind)

    def lower_priority(self) -> None:
        self.niced = True

    def stop(self) -> None:
        self.stopped = True


@pytest.fixture()
def make_pool(monkeypatch):
    monkeypatch.setattr(pool_module, "Worker", SleepingWorker)
    SleepingWorker.running, SleepingWorker.started = [], 0
    pools = []

    def make(**options):
        pools.append(TryItPool("stand-in", long_text=10, **options))
        return pools[-1]

    yield make
    for pool in pools:
        pool.close()


def run_all(pool: TryItPool, articles: list[dict]) -> list:
    """The articles through the pool at once, on an event loop in a thread of its own (the browser tests'
    Playwright keeps one running in the main thread)."""
    async def main():
        return await asyncio.gather(*(pool.extract(a) for a in articles), return_exceptions=True)

    with ThreadPoolExecutor(1) as runner:
        return runner.submit(asyncio.run, main()).result()


def test_workers_start_on_first_use_and_are_reused(make_pool):
    pool = make_pool(workers=2)
    assert pool.started == 0
    for _ in range(3):
        run_all(pool, [{"text": "short", "sleep": 0}])
    assert pool.started == 1 == SleepingWorker.started, "one request at a time needs one worker"


def test_a_long_text_never_holds_every_worker(make_pool):
    pool = make_pool(workers=2)
    articles = [{"text": "a long text", "sleep": 0.3}, {"text": "another long", "sleep": 0.3},
                {"text": "short", "sleep": 0.1}, {"text": "short", "sleep": 0.1}]
    results = run_all(pool, articles)
    assert all(isinstance(r, dict) for r in results), results
    for result in results:
        assert result["seen"].count("long") <= 1, "at most workers - 1 long texts at once"


def test_a_text_past_the_time_limit_is_stopped_and_its_worker_replaced(make_pool):
    pool = make_pool(workers=1, timeout=0.2)
    [slow] = run_all(pool, [{"text": "short", "sleep": 5}])
    assert isinstance(slow, TryItTimeout) and "[E020]" in str(slow) and "0.2 s" in str(slow)
    assert SleepingWorker.started == 2 and pool.started == 1, "the stopped worker was replaced"
    [fine] = run_all(pool, [{"text": "short", "sleep": 0}])
    assert fine["text"] == "short"


def test_a_full_queue_is_refused_at_once(make_pool):
    pool = make_pool(workers=1, queue_size=2, timeout=5)
    results = run_all(pool, [{"text": "short", "sleep": 0.3} for _ in range(4)])
    busy = [r for r in results if isinstance(r, TryItBusy)]
    assert len(busy) == 2 and all("[E019]" in str(r) for r in busy)
    assert pool.pending == 0


def test_waiting_past_the_deadline_is_busy(make_pool):
    pool = make_pool(workers=1, queue_size=4, timeout=0.3)
    results = run_all(pool, [{"text": "short", "sleep": 0.25}, {"text": "short", "sleep": 0.25}])
    assert sum(isinstance(r, dict) for r in results) == 1
    assert sum(isinstance(r, (TryItBusy, TryItTimeout)) for r in results) == 1


def test_a_dead_worker_is_unavailable_and_replaced(make_pool):
    pool = make_pool(workers=1)
    [dead] = run_all(pool, [{"text": "short", "sleep": 0, "crash": True}])
    assert isinstance(dead, TryItUnavailable) and "[E021]" in str(dead)
    [fine] = run_all(pool, [{"text": "short", "sleep": 0}])
    assert fine["text"] == "short" and SleepingWorker.started == 2


def test_a_closed_pool_starts_again_on_next_use(make_pool):
    pool = make_pool(workers=1)
    run_all(pool, [{"text": "short", "sleep": 0}])
    pool.close()
    assert pool.started == 0
    [again] = run_all(pool, [{"text": "short", "sleep": 0}])
    assert again["text"] == "short" and pool.started == 1 and SleepingWorker.started == 2
