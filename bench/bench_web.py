"""Load on `dyad serve`: concurrent requests to the article, dyad and network pages and their JSON twins.

Starts `dyad serve` on a free loopback port as a subprocess (the real CLI and uvicorn), sends a bounded
number of requests from a thread pool (http.client, one connection per thread, keep-alive) for at most
--seconds per endpoint, and prints requests/s, latency percentiles and errors per endpoint, with the
ratio against a baseline: a small static asset (the framework's floor).

    .venv/bin/python bench/bench_web.py [--db examples.duckdb] [--requests 400] [--threads 8] [--seconds 20]

Without --db (or when the file is missing) it ingests examples/ into a temporary database first.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DYAD = str(Path(sys.executable).with_name("dyad"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_examples_db(directory: Path) -> Path:
    db = directory / "examples.duckdb"
    subprocess.run([DYAD, "ingest", str(ROOT / "examples"), "--db", str(db), "--published", "2025-03-14",
                    "--workers", "1", "--no-progress"], check=True)
    return db


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"dyad serve exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("dyad serve did not start")


def get_json(port: int, path: str):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return json.loads(body)


def hammer(port: int, path: str, *, n_requests: int, threads: int, seconds: float) -> dict:
    """Send up to n_requests GETs from `threads` keep-alive connections, stopping after `seconds`."""
    counter = iter(range(n_requests))
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    deadline = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if next(counter, None) is None:
                    break
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors[0] += 1
        conn.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        for _ in range(threads):
            pool.submit(worker)
    wall = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]
    return {"path": path, "requests": len(latencies), "errors": errors[0], "seconds": wall,
            "rps": len(latencies) / wall if wall else 0.0,
            "p50_ms": 1000 * statistics.median(ordered), "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=None, help="a dyad database (default: examples/ ingested)")
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint (upper bound)")
    parser.add_argument("--threads", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--seconds", type=float, default=20.0, help="time cap per endpoint")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        db = args.db if args.db and args.db.exists() else build_examples_db(Path(scratch))
        port = free_port()
        server = subprocess.Popen([DYAD, "serve", "--db", str(db), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_until_up(port, server)
            article = get_json(port, "/api/articles?limit=1")["items"][0]["id"]
            dyad = get_json(port, "/api/dyads?limit=1")["items"][0]
            pair = f"{dyad['source_id']}/{dyad['target_id']}"
            paths = ["/static/dyad.css", f"/api/articles/{article}", f"/articles/{article}", f"/api/dyads/{pair}",
                     f"/dyads/{pair}", "/api/network", "/network"]
            for path in paths:  # warm up: the first network call computes and caches the layout
                get_json(port, path) if path.startswith("/api") else None
            results = [hammer(port, p, n_requests=args.requests, threads=args.threads, seconds=args.seconds)
                       for p in paths]
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    baseline = results[0]["rps"] or 1.0
    print(f"dyad serve on {db.name if isinstance(db, Path) else db}: {args.threads} threads, "
          f"<= {args.requests} requests or {args.seconds:g} s per endpoint, {os.cpu_count()} CPU(s)")
    print(f"{'endpoint':<34} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'vs static':>9}")
    for r in results:
        label = r["path"] if len(r["path"]) <= 34 else r["path"][:31] + "..."
        print(f"{label:<34} {r['requests']:>8} {r['errors']:>6} {r['rps']:>8.1f} {r['p50_ms']:>8.1f} "
              f"{r['p95_ms']:>8.1f} {r['rps'] / baseline:>8.2f}x")
    total = sum(r["requests"] for r in results[1:])
    seconds = sum(r["seconds"] for r in results[1:])
    errors = sum(r["errors"] for r in results)
    print(f"article/dyad/network endpoints: {total} requests in {seconds:.1f} s = {total / seconds:.1f} req/s; "
          f"{errors} error(s)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
