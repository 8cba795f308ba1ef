"""Live-source fixtures: the invented news site of ``live_site.py`` on 127.0.0.1, and a guard that fails
any connection a test makes to another address (nothing outside the loopback interface is contacted)."""
from __future__ import annotations

import socket

import pytest

# tests/live is a package, so this conftest does not shadow tests/conftest.py (`from conftest import ...`).
from .live_site import serve

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Every socket connection of the test must go to 127.0.0.1; others are refused and listed."""
    refused: list = []
    connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in LOOPBACK:
            refused.append(address)
            raise ConnectionRefusedError(f"test guard: {address} is not on the loopback interface")
        return connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_getaddrinfo(socket.getaddrinfo, refused))
    yield refused
    assert not refused, f"a test tried to reach beyond 127.0.0.1: {refused}"


def _loopback_getaddrinfo(getaddrinfo, refused):
    def guarded(host, *args, **kwargs):
        if host not in LOOPBACK and host is not None:
            refused.append(host)
            raise socket.gaierror(socket.EAI_NONAME, f"test guard: no name lookups beyond the loopback ({host})")
        return getaddrinfo(host, *args, **kwargs)

    return guarded


@pytest.fixture
def live_site():
    """A fresh site per test (its feed can be changed): yields the ``Site`` with ``base`` set."""
    server, site, thread = serve(0, slow_seconds=1.0)
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def fast_settings():
    """Politeness settings scaled down for the tests: short timeout, no pause, one quick retry."""
    from dyad.live.http import FetchSettings

    return FetchSettings(timeout=0.3, delay=0.0, retries=1, backoff=0.01, max_bytes=200_000)
