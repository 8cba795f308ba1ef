"""Pure parts of the web app: offsets to escaped HTML, the layout, CSV cells, the extra's error."""
from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest

from .web_corpus import XSS_IMG, XSS_SCRIPT


def doc(text, actors=(), events=(), quotes=()):
    return {"id": "d1", "text": text, "sentences": [{"start": 0, "end": len(text)}], "actors": list(actors),
            "events": list(events), "quotes": list(quotes), "removed": [], "warnings": []}


def actor(local_id, name, *spans):
    return {"id": local_id, "name": name, "kind": "COUNTRY", "code": name[:3].upper(), "country": None,
            "sector": None, "roles": [], "affiliations": [], "members": [],
            "mentions": [{"start": s, "end": e, "text": "", "via": "name"} for s, e in spans]}


def event(local_id, start, end, text, source=None, target=None, quad=1):
    return {"id": local_id, "source": source, "target": target, "cameo": "040", "root": "04", "label": "Consult",
            "plover": "CONSULT", "quad_class": quad, "goldstein": 1.0, "realis": "asserted",
            "trigger": {"start": start, "end": end, "text": text}, "sentence": 0, "speaker": None, "date": None,
            "date_text": None, "date_granularity": None, "date_source": None, "place": None,
            "mentions": [], "confidence": 0.8, "reciprocal": False}


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@pytest.mark.parametrize("text", [XSS_SCRIPT, XSS_IMG, "a & b < c > d \"quoted\" 'single'", "Ω ünïcode — “marks”"])
def test_every_segment_is_escaped_and_the_text_survives(text):
    from dyad.web.render import annotate

    full = f"Russia {text} met Hamas."
    mid = len("Russia ") + len(text) // 2
    annotated = annotate(doc(full, actors=[actor("a1", "Russia", (0, 6)), actor("a2", "X", (len("Russia "), mid))]))
    assert "<script" not in annotated.html and "<img" not in annotated.html
    assert visible_text(str(annotated.html)) == full


def test_highlights_nest_and_overlap_without_losing_characters():
    from dyad.web.render import annotate

    text = "\u201cRussia will meet Hamas,\u201d Lavrov said."
    quote = {"id": "q1", "text": "Russia will meet Hamas,", "start": 0, "end": 25, "kind": "direct", "cue": "said",
             "speaker": "a3", "speaker_text": None}
    annotated = annotate(doc(text, actors=[actor("a1", "Russia", (1, 7)), actor("a2", "Hamas", (18, 23)),
                                           actor("a3", "Lavrov", (26, 32))],
                             events=[event("e1", 13, 17, "meet", "a1", "a2"), event("e2", 8, 17, "will meet")],
                             quotes=[quote]))
    markup = str(annotated.html)
    assert visible_text(markup) == text
    assert 'data-refs="quote:q1 actor:a1"' in markup
    assert 'data-refs="quote:q1 event:e2 event:e1"' in markup, "overlapping triggers share the segment"
    assert set(annotated.records) == {"actor:a1", "actor:a2", "actor:a3", "event:e1", "event:e2", "quote:q1"}
    fields = dict(annotated.records["event:e1"]["fields"])
    assert fields["source"] == "Russia" and fields["target"] == "Hamas" and fields["evidence"] == text
    assert dict(annotated.records["quote:q1"]["fields"])["speaker"] == "Lavrov"


@pytest.mark.parametrize("start, end", [(-5, 3), (3, 999), (5, 5), (6, 2), (None, 4)])
def test_bad_offsets_are_clipped_or_dropped(start, end):
    from dyad.web.render import annotate

    markup = str(annotate(doc("Russia met Hamas.", actors=[actor("a1", "Russia", (start, end))])).html)
    assert visible_text(markup) == "Russia met Hamas."


def test_ids_from_the_database_are_escaped_in_attributes():
    from dyad.web.render import annotate

    markup = str(annotate(doc("Russia met.", actors=[actor('a1" onmouseover="alert(1)', "Russia", (0, 6))])).html)
    assert 'onmouseover="alert' not in markup and "&#34;" in markup


def test_actor_links_only_for_stored_articles():
    from dyad.web.render import annotate

    stored = doc("Russia met.", actors=[{**actor("a1", "Russia", (0, 6)), "corpus_id": "abc"}])
    assert annotate(stored, link_actors=True).records["actor:a1"]["href"] == "/actors/abc"
    assert "href" not in annotate(stored).records["actor:a1"]


@pytest.mark.parametrize("value, cell", [("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("@cmd", "'@cmd"), ("-2+3", "'-2+3"),
                                         (-2.0, -2.0), (None, ""), ("Russia", "Russia")])
def test_csv_cells_never_run_as_formulas(value, cell):
    pytest.importorskip("fastapi")
    from dyad.web.app import _cell

    assert _cell(value) == cell


def test_missing_extra_names_it(monkeypatch):
    import importlib.util

    from dyad.errors import ExtraMissing
    from dyad.web import require_extra

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a))
    with pytest.raises(ExtraMissing, match=r"pip install 'dyad\[web\]'"):
        require_extra()


def test_import_dyad_does_not_import_the_web_stack():
    code = "import sys, dyad, dyad.cli.main; print(any(m in sys.modules for m in ('fastapi', 'uvicorn', 'plotly', 'jinja2')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
