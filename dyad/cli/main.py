"""The ``dyad`` command: a thin veneer over library calls."""
from __future__ import annotations

import signal
import sys

import typer

from ..errors import DyadError
from . import eval as eval_cmd
from . import extract as extract_cmd
from . import fetch as fetch_cmd
from .kb import kb_app
from . import export as export_cmd
from . import ingest as ingest_cmd
from . import load as load_cmd
from . import query as query_cmd
from . import serve as serve_cmd

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Political event data from news text.")
app.command("extract")(extract_cmd.extract)
app.command("eval")(eval_cmd.evaluate)
app.add_typer(kb_app, name="kb")
app.command("ingest")(ingest_cmd.ingest)
app.command("merge")(ingest_cmd.merge)
app.command("fetch")(fetch_cmd.fetch)
app.command("watch")(fetch_cmd.watch)
app.command("sources")(fetch_cmd.sources)
app.command("load")(load_cmd.load)
app.command("errors")(query_cmd.errors)
app.command("events")(query_cmd.events)
app.command("actors")(query_cmd.actors)
app.command("dyads")(query_cmd.dyads)
app.command("timeline")(query_cmd.timeline)
app.command("quotes")(query_cmd.quotes)
app.command("export")(export_cmd.export)
app.command("serve")(serve_cmd.serve)


class Interrupted(BaseException):
    """SIGINT or SIGTERM outside a run that handles them itself (``dyad ingest``, ``fetch``, ``watch``
    and ``serve`` install their own handlers). A BaseException that is not a KeyboardInterrupt, so
    click does not turn it into a silent exit 0 under ``standalone_mode=False``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum, frame) -> None:
    raise Interrupted(signum)


def main() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    try:
        app(standalone_mode=False)
    except Interrupted as stop:
        # one line and the shell's code for the signal (130 for Ctrl-C, 143 for SIGTERM)
        print(f"Error: interrupted by {signal.Signals(stop.signum).name}", file=sys.stderr)
        sys.exit(128 + stop.signum)
    except DyadError as err:
        print(f"Error: {err}", file=sys.stderr)
        sys.exit(2)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("Error: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as err:  # usage errors: click's, or the copies typer vendors (typer >= 0.2x has its own click)
        if callable(getattr(err, "show", None)) and isinstance(getattr(err, "exit_code", None), int):
            err.show()
            sys.exit(err.exit_code)
        raise
