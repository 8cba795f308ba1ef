"""Schema checks for the actor knowledge base TSV files in dyad/data/."""

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parents[2] / "dyad" / "data"

COLUMNS = {
    "countries.tsv": ["iso3", "name", "aliases", "demonyms", "capitals"],
    "igos.tsv": ["code", "name", "aliases", "members", "country", "sector"],
    "organizations.tsv": ["name", "aliases", "country", "sector", "code"],
    "agents.tsv": ["term", "sector", "kind"],
}

SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "MED", "NGO", "IGO",
    "CVL", "BUS", "EDU", "REL", "SPY", "LAB", "HLH", "UAF", "INS", "SEP", "REF", "CRM",
}
KINDS = {"PERSON", "GROUP"}


def read_rows(filename):
    """Rows of a knowledge-base file as (line number, dict), header checked, comments skipped."""
    path = DATA_DIR / filename
    with path.open(encoding="utf-8", newline="") as fh:
        numbered = [(n, line) for n, line in enumerate(fh, start=1) if line.strip() and not line.startswith("#")]
    reader = csv.reader((line for _, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    parsed = list(zip((n for n, _ in numbered), reader))
    header = parsed[0][1]
    assert header == COLUMNS[filename], f"{filename}: header is {header}"
    rows = []
    for lineno, fields in parsed[1:]:
        assert len(fields) == len(header), f"{filename}:{lineno}: {len(fields)} columns, expected {len(header)}"
        rows.append((lineno, dict(zip(header, fields))))
    return rows


def split(value):
    return [part.strip() for part in value.split("|") if part.strip()]


@pytest.mark.parametrize("filename", sorted(COLUMNS))
def test_file_parses_with_expected_columns(filename):
    rows = read_rows(filename)
    assert rows, f"{filename} has no data rows"
    for lineno, row in rows:
        for column, value in row.items():
            assert value == value.strip(), f"{filename}:{lineno}: stray whitespace in {column}"
            assert "||" not in value and not value.startswith("|") and not value.endswith("|"), (
                f"{filename}:{lineno}: empty item in {column}"
            )


def test_countries_cover_iso_3166():
    rows = read_rows("countries.tsv")
    codes = [row["iso3"] for _, row in rows]
    assert len(rows) >= 249
    assert len(codes) == len(set(codes)), "duplicate iso3"
    for lineno, row in rows:
        assert re.fullmatch(r"[A-Z]{3}", row["iso3"]), f"countries.tsv:{lineno}: bad iso3 {row['iso3']!r}"
        assert row["name"], f"countries.tsv:{lineno}: empty name"
    assert {"USA", "RUS", "PSE", "XKX", "VAT"} <= set(codes)


def test_igo_members_are_known():
    iso3 = {row["iso3"] for _, row in read_rows("countries.tsv")}
    igos = read_rows("igos.tsv")
    names = {row["name"] for _, row in igos}
    assert len(names) == len(igos), "duplicate igo name"
    for lineno, row in igos:
        for member in split(row["members"]):
            assert member in iso3 or member in names, f"igos.tsv:{lineno}: unknown member {member!r}"
        assert row["country"] == "" or row["country"] in iso3, f"igos.tsv:{lineno}: bad country"


def test_organization_countries_are_known():
    iso3 = {row["iso3"] for _, row in read_rows("countries.tsv")}
    for lineno, row in read_rows("organizations.tsv"):
        assert row["country"] == "" or row["country"] in iso3, f"organizations.tsv:{lineno}: bad country {row['country']!r}"
        assert row["code"], f"organizations.tsv:{lineno}: empty code"
        assert re.fullmatch(r"[A-Z]{3,}", row["code"]), f"organizations.tsv:{lineno}: bad code {row['code']!r}"


@pytest.mark.parametrize("filename", ["igos.tsv", "organizations.tsv", "agents.tsv"])
def test_sectors_are_allowed(filename):
    for lineno, row in read_rows(filename):
        assert row["sector"] in SECTORS, f"{filename}:{lineno}: unknown sector {row['sector']!r}"
        if filename == "agents.tsv":
            assert row["kind"] in KINDS, f"agents.tsv:{lineno}: unknown kind {row['kind']!r}"


def test_agent_terms_are_lowercase_and_unique():
    terms = [row["term"] for _, row in read_rows("agents.tsv")]
    assert len(terms) >= 200
    assert len(terms) == len(set(terms))
    assert all(term == term.lower() for term in terms)


def test_no_surface_form_names_two_entities():
    """A name, alias, demonym or capital must point to one entity across the three actor files."""
    owners = defaultdict(set)
    for _, row in read_rows("countries.tsv"):
        entity = f"country:{row['iso3']}"
        for form in [row["name"], *split(row["aliases"]), *split(row["demonyms"]), *split(row["capitals"])]:
            owners[form.casefold()].add(entity)
    for _, row in read_rows("igos.tsv"):
        entity = f"igo:{row['name']}"
        for form in [row["name"], *split(row["aliases"])]:
            owners[form.casefold()].add(entity)
    for _, row in read_rows("organizations.tsv"):
        entity = f"org:{row['name']}"
        for form in [row["name"], *split(row["aliases"])]:
            owners[form.casefold()].add(entity)
    clashes = {form: sorted(entities) for form, entities in owners.items() if len(entities) > 1}
    for form, entities in sorted(clashes.items()):
        print(f"clash: {form!r} -> {entities}")
    assert not clashes, f"{len(clashes)} surface forms name more than one entity: {sorted(clashes)[:20]}"
