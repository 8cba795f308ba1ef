"""``dyad extract PATH...``: articles in, Documents out as a table, JSON or JSON lines.

Every run finishes: input that cannot be read, and an article the pipeline fails on, are one
``Error: FILE[:LINE]: [CODE] reason`` line each on standard error, and the other articles are written.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional

import typer

from ..engines.local import extract_each
from ..errors import E_ARTICLE_FAILED, BadOption, NothingProcessed
from ..ingest import Article, ReadError, read_paths
from .options import DEFAULT_MODEL, DocumentFormat, Model, Published, check_published

FORMATS = ["table", "json", "jsonl"]
BATCH_SIZE = 16  # articles through the pipeline together; a failure redoes only its batch, one by one


def extract(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl, .jsonl.gz, .csv, .csv.gz), directories, "
                                      "- for standard input, or http(s) URLs of news pages."),
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

    try:
        out = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as error:
        raise BadOption("--output", str(output), f"a file that can be written ({error.strerror or error})") from error

    from ..pipeline import Pipeline

    pipeline = Pipeline(model, kb_files=[str(p) for p in kb], monadic=monadic)
    problems = Problems()
    docs = extract_documents(pipeline, paths, published=published, problems=problems)
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
    except BrokenPipeError:  # `dyad extract ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    finally:
        if output:
            out.close()
    if count == 0:
        raise NothingProcessed(problems.count)


class Problems:
    """Input and article failures: each printed as one line on standard error, and counted."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, line: str) -> None:
        self.count += 1
        print(line, file=sys.stderr, flush=True)


def extract_documents(pipeline, paths: Iterable[str], *, published: str | None, problems: Problems) -> Iterator:
    """Documents of the articles under ``paths``, in input order; a read error or an article the
    pipeline raises on goes to ``problems`` and the run goes on."""
    batch: list[Article] = []
    for record in input_records(paths):
        if isinstance(record, ReadError):
            problems.report(f"{'Warning' if record.is_warning else 'Error'}: {record}")
            continue
        batch.append(record)
        if len(batch) < BATCH_SIZE:
            continue
        yield from _documents(pipeline, batch, published=published, problems=problems)
        batch = []
    yield from _documents(pipeline, batch, published=published, problems=problems)


def input_records(paths: Iterable[str]) -> Iterator:
    """The articles of files, directories and standard input, then of http(s) URLs, fetched politely."""
    paths = list(paths)
    urls = [p for p in paths if p.startswith(("http://", "https://"))]
    files = [p for p in paths if p not in urls]
    if files:
        yield from read_paths(files, stdin=sys.stdin)
    if urls:
        from ..engines.fetch import PageLog, fetched_records
        from ..live.http import Fetcher

        yield from fetched_records(Fetcher(), urls, PageLog())


def _documents(pipeline, batch: list[Article], *, published: str | None, problems: Problems) -> Iterator:
    if not batch:
        return
    inputs = [{"text": a.text, "id": a.id, "title": a.title, "url": a.url, "published": a.published or published}
              for a in batch]
    for article, result in zip(batch, extract_each(pipeline, inputs)):
        if isinstance(result, str):
            problems.report(f"Error: {article.origin}: [{E_ARTICLE_FAILED}] dyad failed on this article ({result}); "
                            "the other articles were processed; please report it with the article")
        else:
            yield result
