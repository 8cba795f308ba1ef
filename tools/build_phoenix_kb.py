"""Build dyad/data/phoenix_actors.tsv.gz, the Phoenix dictionaries in dyad's default knowledge base.

Run at build time only; rerunnable, and the output is byte-identical for the same input:

    python tools/build_phoenix_kb.py [PHOENIX_DIR]

PHOENIX_DIR (default ../shared/reference/phoenix) holds the Open Event Data Alliance's Phoenix
dictionaries (MIT licence, copyright 2014 Open Event Data Alliance): Phoenix.Countries.actors.txt,
Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt. Each is read with dyad's
own importer (``dyad/actors/kb_import.py``, the code behind ``dyad kb import``); every entry then
gets a ``kind``:

- PERSON: a person, looked up by full name on the persons dyad finds (never phrase-matched, so
  a person's alias cannot turn a word of text into an actor); the code follows the article's
  date through ``roles``;
- ORGANIZATION or IGO: phrase-matched like ``organizations.tsv``;
- left out: entries whose only code is a bare country (Phoenix lists provinces and cities as
  names of their country: "Helmand" is AFG, which would make a place a country actor), and
  multinational companies (``MNC...``: several thousand company names, most never in the news
  dyad reads and some ordinary words).

Schema of the output in dyad/data/README.md ("phoenix_actors.tsv.gz").
"""
from __future__ import annotations

import gzip
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dyad.actors.kb_import import (  # noqa: E402
    COLLECTIVE_NOUNS, current_role, format_roles, parse_actors, read_dictionary, split_cameo_code, _iso3_codes,
)

OUT = ROOT / "dyad" / "data" / "phoenix_actors.tsv.gz"
DEFAULT_DIR = ROOT.parent / "shared" / "reference" / "phoenix"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
# words that make a name a body's, not a person's ("Afghan National Army", "Bank of Korea")
ORG_WORDS = COLLECTIVE_NOUNS | frozenset(
    """of the and for al- institute foundation association federation council centre center league corp inc ltd
    co company group organisation organization agency fund programme program commission tribunal network
    brigades brigade battalion army front movement party bank union committee""".split())
PERSON_NAME = re.compile(r"^[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,4}$")


def country_code(code: str) -> bool:
    return len(code) >= 6 and code[:3].isalpha() and code[:3] not in ("IGO", "NGO", "IMG", "MNC")


def kind_of(name: str, code: str, comment: str) -> str:
    """PERSON, ORGANIZATION or IGO for one entry (see the module docstring)."""
    words = name.lower().replace("(", " ").replace(")", " ").split()
    if code.startswith("IGO") and not comment:
        return "IGO"
    if "countryinfo" in comment.lower():
        return "PERSON"  # the leaders lists generated from CountryInfo.txt are people
    if any(w in ORG_WORDS for w in words) or not PERSON_NAME.match(name) or any(c.isdigit() for c in name):
        return "IGO" if code.startswith("IGO") else "ORGANIZATION"
    if name.isupper() or (" " not in name and not country_code(code)):
        return "ORGANIZATION"  # an acronym, or one word that is not a country's person
    return "PERSON"


def rows_of(path: Path, iso3: frozenset[str]) -> tuple[list[list[str]], int]:
    lines, _ = read_dictionary(path)
    result = parse_actors(lines, origin=path.name)
    rows, left_out = [], 0
    for record in result.records:
        latest = current_role(record.roles)
        code = latest.cameo_code if latest else ""
        country, sector = split_cameo_code(code, iso3)
        if code.startswith("MNC") or len(code) <= 3:
            left_out += 1
            continue
        comment = lines[record.line - 1].partition("#")[2] if record.line else ""
        kind = kind_of(record.name, code, comment)
        rows.append([record.name, "|".join(record.aliases), kind, country, sector, code,
                     format_roles(record.roles), path.name.split(".")[1]])
    return rows, left_out


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else DEFAULT_DIR
    iso3 = _iso3_codes()
    out = io.StringIO()
    out.write("# The Phoenix dictionaries (MIT, (c) 2014 Open Event Data Alliance), converted by\n"
              "# tools/build_phoenix_kb.py; regenerate rather than edit. Schema in dyad/data/README.md.\n")
    out.write("name\taliases\tkind\tcountry\tsector\tcode\troles\tsource\n")
    total = 0
    for name in FILES:
        rows, left_out = rows_of(source / name, iso3)
        for row in rows:
            out.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")
        total += len(rows)
        kinds = {k: sum(r[2] == k for r in rows) for k in ("PERSON", "ORGANIZATION", "IGO")}
        print(f"{name}: {len(rows)} rows {kinds}; {left_out} left out (places, companies)", file=sys.stderr)
    data = out.getvalue().encode("utf-8")
    with OUT.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    print(f"wrote {OUT} ({total} rows, {OUT.stat().st_size} bytes gzip, {len(data)} bytes raw)", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
