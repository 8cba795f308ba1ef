"""``dyad kb import FILE``: turn a PETRARCH/TABARI dictionary into a knowledge-base TSV file."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import BadOption

kb_app = typer.Typer(no_args_is_help=True, help="Build and convert the actor knowledge base.")

KINDS = ["actors", "agents"]
SHOWN_WARNINGS = 5


def detect_kind(path: Path, lines: list[str]) -> str:
    """``agents`` when the file name says so or an entry carries a ``[~CODE]``/``[CODE~]`` agent code."""
    if "agents" in path.name.lower():
        return "agents"
    for line in lines:
        text = line.split("#", 1)[0]
        if "[~" in text or "~]" in text:
            return "agents"
    return "actors"


@kb_app.command("import")
def import_dictionary(
    file: Path = typer.Argument(..., help="A PETRARCH/TABARI .actors or .agents dictionary."),
    output: Path | None = typer.Option(None, "-o", "--output", help="TSV file to write (default: stdout)."),
    kind: str | None = typer.Option(None, "--kind", help="actors or agents (default: detected from the file)."),
) -> None:
    """Convert a PETRARCH/TABARI dictionary into dyad's organizations.tsv or agents.tsv format."""
    from ..actors import kb_import

    if kind is not None and kind not in KINDS:
        raise BadOption("--kind", kind, KINDS)
    lines, encoding = kb_import.read_dictionary(file)
    kind = kind or detect_kind(file, lines)
    if kind == "agents":
        result = kb_import.parse_agents(lines, origin=str(file))
        write, what = kb_import.write_agents_tsv, f"{result.counts['agents']} agents"
    else:
        result = kb_import.parse_actors(lines, origin=str(file))
        write, what = kb_import.write_organizations_tsv, (
            f"{result.counts['actors']} actors ({result.counts['roles']} roles)")
    if output is None:
        write(result.records, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as out:
            write(result.records, out)
    print(f"imported {what} from {file}; {result.counts['skipped_lines']} lines skipped (read as {encoding})",
          file=sys.stderr)
    for warning in result.warnings[:SHOWN_WARNINGS]:
        print(f"warning: {warning}", file=sys.stderr)
    if len(result.warnings) > SHOWN_WARNINGS:
        print(f"... and {len(result.warnings) - SHOWN_WARNINGS} more warning(s)", file=sys.stderr)
