"""Rich rendering of one Document for people at a terminal."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..document import Document


def print_document(doc: Document, file=None) -> None:
    console = Console(file=file, width=None if file is None else 140)
    names = {a.id: a.name for a in doc.actors}
    head = doc.title or doc.id
    console.rule(f"[bold]{head}[/bold]  published {doc.published or 'unknown'}")
    if doc.removed:
        console.print(f"[dim]removed furniture: {' | '.join(doc.removed)}[/dim]")
    for warning in doc.warnings:
        console.print(f"[yellow]{warning}[/yellow]")

    actors = Table(title=f"Actors ({len(doc.actors)})", show_lines=False)
    for column in ("id", "name", "kind", "code", "roles", "mentions"):
        actors.add_column(column)
    for a in doc.actors:
        roles = "; ".join(f"{r.title} ({r.status})" for r in a.roles)
        actors.add_row(a.id, a.name, a.kind, a.code or "", roles, str(len(a.mentions)))
    console.print(actors)

    events = Table(title=f"Events ({len(doc.events)})")
    for column in ("source", "trigger", "target", "CAMEO", "realis", "date", "speaker"):
        events.add_column(column)
    for e in doc.events:
        events.add_row(names.get(e.source, "-"), e.trigger.text, names.get(e.target, "-"),
                       f"{e.cameo} {e.label}", e.realis, e.date or "", names.get(e.speaker, ""))
    console.print(events)

    quotes = Table(title=f"Quotes ({len(doc.quotes)})")
    for column in ("speaker", "kind", "cue", "text"):
        quotes.add_column(column)
    for q in doc.quotes:
        speaker = names.get(q.speaker) or (f"[dim]{q.speaker_text}[/dim]" if q.speaker_text else "-")
        text = q.text if len(q.text) < 110 else q.text[:107] + "..."
        quotes.add_row(speaker, q.kind, q.cue or "", text)
    console.print(quotes)
