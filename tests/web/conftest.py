"""Web fixtures: a small database ingested from invented articles, the app, a live server, a browser."""
from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import warnings
from pathlib import Path

import pytest

# tests/web is a package, so this conftest does not shadow tests/conftest.py (`from conftest import ...`).
from .web_corpus import ARTICLES

pytest.importorskip("fastapi", reason="the web tests need the dyad[web] extra: pip install -e '.[dev,web]'")

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"


def _ingest(directory: Path, db: Path) -> None:
    from dyad.engines.ingest import ingest
    from dyad.pipeline import DEFAULT_MODEL
    from dyad.store import Store

    for name, text in ARTICLES.items():
        (directory / name).write_text(text, encoding="utf-8")
    with Store.open(db) as store:
        ingest(store, [str(directory)], model=DEFAULT_MODEL, workers=1, published="2025-03-25")


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """A dyad database built by ``dyad ingest``'s library function from ARTICLES (needs the model)."""
    root = tmp_path_factory.mktemp("web")
    (root / "articles").mkdir()
    db = root / "web.duckdb"
    _ingest(root / "articles", db)
    return db


@pytest.fixture(scope="session")
def app(web_db):
    from dyad.web import create_app

    return create_app(str(web_db))


@pytest.fixture(scope="session")
def client(app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about its httpx-based client
        from fastapi.testclient import TestClient

    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def ids(client) -> dict:
    """Ids of what the browser and API tests open: articles by file, actors by name."""
    articles = {a["title"]: a["id"] for a in client.get("/api/articles").json()["items"]}
    actors = {a["name"]: a["id"] for a in client.get("/api/actors", params={"limit": 200}).json()["items"]}
    return {"articles": articles, "actors": actors}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(app):
    """uvicorn serving `app` on a free loopback port, in a thread; yields the base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 15 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(app):
    """uvicorn serving the app on a free loopback port, in a thread, for the session."""
    with serving(app) as url:
        yield url


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's system Chromium through Playwright (never `playwright install`)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need `pip install playwright`")
    profile = tmp_path_factory.mktemp("chromium-profile")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, viewport={"width": 1400, "height": 1000},
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield context
        context.close()


@pytest.fixture()
def page(browser):
    """A fresh tab that records dialogs, console errors and requests leaving the server."""
    tab = browser.new_page()
    tab.dialogs, tab.console_errors, tab.foreign = [], [], []

    def on_dialog(dialog):
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.on("console", lambda msg: tab.console_errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda err: tab.console_errors.append(str(err)))
    tab.on("request", lambda req: tab.foreign.append(req.url)
           if not req.url.startswith(("http://127.0.0.1", "data:", "about:", "blob:")) else None)
    yield tab
    tab.close()
