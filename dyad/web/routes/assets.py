"""Static assets: a fixed list, never a path from the request; Plotly comes from the installed package."""
from __future__ import annotations

from pathlib import Path

import plotly
from fastapi import APIRouter, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

STATIC = Path(__file__).parent.parent / "static"
ASSETS = {
    "dyad.js": (STATIC / "dyad.js", "text/javascript"),
    "dyad.css": (STATIC / "dyad.css", "text/css"),
    "plotly.min.js": (Path(plotly.__file__).parent / "package_data" / "plotly.min.js", "text/javascript"),
}

router = APIRouter()


@router.get("/static/{name}", include_in_schema=False)
def static(name: str) -> Response:
    if name not in ASSETS:
        raise StarletteHTTPException(404)
    path, media = ASSETS[name]
    return Response(path.read_bytes(), media_type=media, headers={"cache-control": "public, max-age=3600"})
