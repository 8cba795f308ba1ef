"""``dyad extract PATH...``: articles in, Documents out as a table, JSON or JSON lines."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import BadOption, NothingProcessed
from .options import DEFAULT_MODEL, DocumentFormat, Model, Published, check_published

FORMATS = ["table", "json", "jsonl"]


def extract(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl, .jsonl.gz), directories, or - for standard input."),
    published: Published = None,
    output_format: DocumentFormat = None,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    model: Model = DEFAULT_MODEL,
    kb: list[Path] = typer.Option([], "--kb", help="Extra organisations TSV (same columns as dyad/data/organizations.tsv)."),
    monadic: bool = typer.Option(False, "--monadic", help="Also keep events where only the source or only the target resolved to an actor."),
) -> None:
    """Extract actors, events and quotes from news articles."""
    if output_format is None:
        output_format = "table" if sys.stdout.isatty() and output is None else "jsonl"
    if output_format not in FORMATS:
        raise BadOption("--format", output_format, FORMATS)
    check_published(published)

    from ..ingest import ReadError, read_paths
    from ..pipeline import Pipeline

    pipeline = Pipeline(model, kb_files=[str(p) for p in kb], monadic=monadic)
    errors = 0

    def articles():
        nonlocal errors
        for record in read_paths(paths, stdin=sys.stdin):
            if isinstance(record, ReadError):
                errors += 1
                print(f"Error: {record}", file=sys.stderr)
                continue
            yield {"text": record.text, "id": record.id, "title": record.title, "url": record.url,
                   "published": record.published or published}

    docs = pipeline.extract_many(articles())
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    count = 0
    try:
        if output_format == "table":
            from .render import print_document

            for doc in docs:
                print_document(doc, file=out if output else None)
                count += 1
        elif output_format == "json":
            collected = [d.to_dict() for d in docs]
            count = len(collected)
            if collected:
                payload = collected[0] if count == 1 else collected
                out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        else:
            for doc in docs:
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
                count += 1
    finally:
        if output:
            out.close()
    if count == 0:
        raise NothingProcessed(errors)
