"""CSV from the query commands: cells a spreadsheet would run as formulas are neutralised, as in the web's CSV."""
from __future__ import annotations

import csv
import io

import pytest
from conftest import make_document
from typer.testing import CliRunner

from dyad.cli.main import app
from dyad.export.csvsafe import safe_cell

FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")"


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Russia", "Russia"), ("", ""), (None, ""), (-10.0, -10.0), (3, 3), ("a=b", "a=b"),
])
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_the_web_csv_uses_the_same_function():
    pytest.importorskip("fastapi")
    from dyad.web.csv_export import _cell

    assert _cell is safe_cell


@pytest.fixture()
def formula_store(tmp_path):
    from dyad.store import Store
    from dyad.store.merge import rebuild_merged
    from dyad.store.rows import document_rows

    doc = make_document(f"{FORMULA} attacked @Target.", [(FORMULA, "@Target", "190", "2024-03-04", None, False)],
                        quotes=[(FORMULA, "-1 + 2 is what they said.")])
    path = tmp_path / "formula.duckdb"
    with Store.open(path) as store:
        store.write(document_rows(doc.to_dict(), source_id="+s1", origin="in.jsonl:1", file_format="jsonl",
                                  input_hash="h1"))
        rebuild_merged(store, window_days=1)
    return str(path)


@pytest.mark.parametrize(("args", "column", "expected"), [
    (["events"], "source", "'" + FORMULA),
    (["events"], "target", "'@Target"),
    (["events"], "goldstein", "-10.0"),  # a number stays a number
    (["actors"], "name", "'" + FORMULA),
    (["quotes"], "text", "'-1 + 2 is what they said."),
    (["dyads"], "source", "'" + FORMULA),
])
def test_query_csv_neutralises_formula_cells(formula_store, args, column, expected):
    result = CliRunner().invoke(app, [*args, "--db", formula_store, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert expected in [row[column] for row in rows], rows
    assert not any(cell[:1] in "=+-@" and cell != "-10.0" for row in rows for cell in row.values() if cell), rows
