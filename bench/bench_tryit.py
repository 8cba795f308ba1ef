"""Try it under load: the p95 latency of short requests while one long request runs, against the same without it.

Starts `dyad serve` on a free loopback port as a subprocess (the real CLI and uvicorn) over examples/
ingested into a temporary database, warms it up, then measures `--clients` concurrent clients, each
posting a `--small`-character text to /api/try in a loop:

- baseline: `--rounds` requests per client, nothing else running;
- loaded: one `--big`-character text posted first, and the clients' requests that start while it runs.

It prints p50/p95 latency and errors of both, the ratio of the p95s (loaded / baseline), and the long
request's own time. The tree measured is the one `dyad` is imported from: run it with another checkout on
PYTHONPATH to measure that one (e.g. `git worktree add /tmp/dyad-before COMMIT`, then
`PYTHONPATH=/tmp/dyad-before .venv/bin/python bench/bench_tryit.py`).

    .venv/bin/python bench/bench_tryit.py [--clients 4] [--small 5000] [--big 100000] [--rounds 6] [--seconds 180]
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
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DYAD = [sys.executable, "-m", "dyad.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def news_text(n_chars: int) -> str:
    """examples/ repeated to `n_chars` characters, cut at a paragraph."""
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt")))
    text = ""
    while len(text) < n_chars:
        text += base + "\n\n"
    return text[:n_chars].rsplit("\n\n", 1)[0] if n_chars > len(base) else text[:n_chars]


def post_try(port: int, text: str, timeout: float) -> tuple[float, int]:
    """(seconds, HTTP status) of one POST /api/try; status 0 when the connection failed."""
    body = urllib.parse.urlencode({"text": text, "published": "2025-03-14"})
    started = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("POST", "/api/try", body=body, headers={"content-type": "application/x-www-form-urlencoded"})
        response = conn.getresponse()
        response.read()
        status = response.status
        conn.close()
    except (OSError, http.client.HTTPException):
        status = 0
    return time.perf_counter() - started, status


def clients(port: int, text: str, *, n_clients: int, keep_going, timeout: float) -> list[tuple[float, int]]:
    """`n_clients` threads posting `text` while `keep_going(i)` says so (i: that client's request number)."""
    results: list[tuple[float, int]] = []
    lock = threading.Lock()

    def client() -> None:
        i = 0
        while keep_going(i):
            result = post_try(port, text, timeout)
            with lock:
                results.append(result)
            i += 1

    with ThreadPoolExecutor(n_clients) as pool:
        for _ in range(n_clients):
            pool.submit(client)
    return results


def summary(results: list[tuple[float, int]]) -> dict:
    ordered = sorted(seconds for seconds, _ in results) or [0.0]
    return {"requests": len(results), "errors": sum(status != 200 for _, status in results),
            "p50_s": statistics.median(ordered), "p95_s": ordered[int(0.95 * (len(ordered) - 1))]}


def measure(port: int, args) -> dict:
    small, big = news_text(args.small), news_text(args.big)
    # warm up: as many concurrent requests as clients, twice, so every worker has built its pipeline
    clients(port, small, n_clients=args.clients, keep_going=lambda i: i < 2, timeout=args.seconds)
    baseline = clients(port, small, n_clients=args.clients, keep_going=lambda i: i < args.rounds,
                       timeout=args.seconds)
    long_done = threading.Event()
    long_result: list[tuple[float, int]] = []

    def long_request() -> None:
        long_result.append(post_try(port, big, args.seconds))
        long_done.set()

    runner = threading.Thread(target=long_request)
    runner.start()
    time.sleep(0.5)  # the long request is in before the short ones
    deadline = time.monotonic() + args.seconds
    loaded = clients(port, small, n_clients=args.clients, timeout=args.seconds,
                     keep_going=lambda i: not long_done.is_set() and time.monotonic() < deadline and i < 50)
    runner.join()
    return {"baseline": summary(baseline), "loaded": summary(loaded), "long": long_result[0],
            "chars": {"small": len(small), "big": len(big)}}


def serve(db: Path, port: int, env: dict, tree: str) -> subprocess.Popen:
    server = subprocess.Popen([*DYAD, "serve", "--db", str(db), "--port", str(port)], env=env, cwd=tree,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"dyad serve exited with {server.returncode}: {server.stderr.read().decode()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("dyad serve did not start within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients posting the short text")
    parser.add_argument("--small", type=int, default=5000, help="characters in a short request")
    parser.add_argument("--big", type=int, default=100_000, help="characters in the long request")
    parser.add_argument("--rounds", type=int, default=6, help="short requests per client for the baseline")
    parser.add_argument("--seconds", type=float, default=180.0, help="time cap for the loaded phase and each request")
    args = parser.parse_args()

    import dyad

    tree = str(Path(dyad.__file__).resolve().parent.parent)  # `python -m` below runs in it, so imports it
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [tree, os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "examples.duckdb"
        subprocess.run([*DYAD, "ingest", str(ROOT / "examples"), "--db", str(db), "--published", "2025-03-14",
                        "--workers", "1", "--no-progress"], check=True, env=env, cwd=tree, capture_output=True)
        port = free_port()
        server = serve(db, port, env, tree)
        try:
            result = measure(port, args)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()

    base, loaded = result["baseline"], result["loaded"]
    print(f"dyad from {tree}")
    print(f"Try it, {args.clients} clients posting {result['chars']['small']:,} characters each")
    print(f"{'':32} {'requests':>8} {'errors':>6} {'p50 s':>7} {'p95 s':>7}")
    print(f"{'baseline (nothing else)':32} {base['requests']:>8} {base['errors']:>6} {base['p50_s']:>7.2f} {base['p95_s']:>7.2f}")
    print(f"{'while one long request runs':32} {loaded['requests']:>8} {loaded['errors']:>6} "
          f"{loaded['p50_s']:>7.2f} {loaded['p95_s']:>7.2f}")
    seconds, status = result["long"]
    print(f"long request: {result['chars']['big']:,} characters, {seconds:.1f} s, HTTP {status}")
    ratio = loaded["p95_s"] / base["p95_s"] if base["p95_s"] else float("nan")
    print(f"p95 ratio (loaded / baseline): {ratio:.2f}")
    print(json.dumps({"baseline": base, "loaded": loaded, "long_s": seconds, "long_status": status,
                      "p95_ratio": ratio}))


if __name__ == "__main__":
    main()
