"""dyad's web app: server-rendered pages over a read-only JSON API (the ``dyad[web]`` extra).

``create_app(db)`` builds the FastAPI application; ``dyad serve`` runs it with uvicorn.
FastAPI, Jinja2 and plotly are imported here, at the point of use, so ``import dyad``
stays light.
"""
from __future__ import annotations

from typing import Any

from ..errors import ExtraMissing

REQUIRED = ("fastapi", "uvicorn", "jinja2", "plotly", "multipart")


def require_extra() -> None:
    """Raise ``ExtraMissing`` naming ``dyad[web]`` when one of its packages is absent."""
    import importlib.util

    for module in REQUIRED:
        if importlib.util.find_spec(module) is None:
            raise ExtraMissing("web", "python-multipart" if module == "multipart" else module)


def create_app(db: str, **options: Any):
    """The FastAPI app over the dyad database ``db`` (opened read-only)."""
    require_extra()
    from .app import build_app

    return build_app(db, **options)


__all__ = ["create_app", "require_extra"]
