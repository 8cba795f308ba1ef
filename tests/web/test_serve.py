"""`dyad serve`: the CLI veneer, its errors, and a real server process."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .web_corpus import N_DOCUMENTS

DYAD = [sys.executable, "-m", "dyad.cli"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*DYAD, *args], capture_output=True, text=True, timeout=60)


def test_missing_database_is_one_error_line(tmp_path):
    result = run("serve", "--db", str(tmp_path / "nope.duckdb"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: [E009] {tmp_path / 'nope.duckdb'}: no such database; create it with "
        f"`dyad ingest PATH... --db {tmp_path / 'nope.duckdb'}`"]


def test_bad_port_is_refused(tmp_path):
    result = run("serve", "--db", str(tmp_path / "x.duckdb"), "--port", "70000")
    assert result.returncode == 2 and "Error: [E002] --port 70000 is not supported" in result.stderr


@pytest.mark.model
def test_the_pipeline_is_built_lazily(web_db):
    from dyad.web import create_app

    app = create_app(str(web_db))
    assert app.state.try_pool.started == 0, "starting the server starts no worker and loads no model"
    app.state.store.close()


@pytest.mark.model
def test_serve_answers_on_loopback(web_db):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([*DYAD, "serve", "--db", str(web_db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/summary", timeout=2) as response:
                    assert json.load(response)["counts"]["documents"] == N_DOCUMENTS
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "dyad serve did not answer within 30 s"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
