"""``dyad serve``: the web app over a dyad database (needs the ``dyad[web]`` extra)."""
from __future__ import annotations

import typer

from ..errors import BadOption
from .options import DEFAULT_DB, ServeDb, TryItModel


def serve(
    db: ServeDb = DEFAULT_DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    model: TryItModel = None,
) -> None:
    """Browse a database in the browser: articles, actors, dyads, network, events, Try it; JSON under /api."""
    if not 0 < port < 65536:
        raise BadOption("--port", port, "a TCP port from 1 to 65535")
    from ..web import create_app, require_extra

    require_extra()
    import uvicorn

    app = create_app(str(db), model=model)
    typer.echo(f"dyad: serving {db} read-only at http://{host}:{port}/ (API docs at /docs; Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
