"""How the app is put together: state per app on `app.state`, small routers, small functions."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "dyad" / "web"


def test_result_cache_keeps_the_most_recently_used():
    from dyad.web.state import ResultCache

    cache, calls = ResultCache(size=2), []

    def compute(key):
        def run():
            calls.append(key)
            return {"key": key}
        return run

    assert cache.get(("a",), compute("a")) == {"key": "a"}
    cache.get(("b",), compute("b"))
    assert cache.get(("a",), compute("a")) == {"key": "a"}, "a hit moves the key to the end"
    cache.get(("c",), compute("c"))  # evicts b, the least recently used
    cache.get(("a",), compute("a"))
    cache.get(("b",), compute("b"))
    assert calls == ["a", "b", "c", "b"]


@pytest.mark.model
def test_each_app_has_its_own_state(web_db, client):
    from fastapi.testclient import TestClient

    from dyad.web import create_app

    small = create_app(str(web_db), upload_limit=1024)
    try:
        assert small.state.upload_limit == 1024 and small.state.store is not client.app.state.store
        refused = TestClient(small).post("/api/try", files={"file": ("a.txt", b"a" * 2048, "text/plain")})
        assert refused.status_code == 413 and refused.json()["error"]["code"] == "E013"
        assert "content-security-policy" in refused.headers
    finally:
        small.state.store.close()
    assert client.app.state.upload_limit == 2 * 1024 * 1024


def _functions(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            yield node.name, node.end_lineno - start + 1


@pytest.mark.parametrize("path", sorted(WEB.rglob("*.py")), ids=lambda p: str(p.relative_to(WEB)))
def test_web_modules_and_functions_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500
    long = [(name, lines) for name, lines in _functions(path) if lines > 80]
    assert not long, f"split these functions: {long}"


def test_routes_are_module_level_not_closures():
    """Routes live on APIRouters in dyad/web/routes; build_app only assembles, so it defines no function."""
    tree = ast.parse((WEB / "app.py").read_text(encoding="utf-8"))
    build_app = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "build_app")
    nested = [getattr(n, "name", "lambda") for n in ast.walk(build_app)
              if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and n is not build_app]
    assert nested == []
