"""The output contract: every Document validates against the shipped JSON Schema."""
from __future__ import annotations

import json
import re
from importlib import resources

import jsonschema
import pytest

pytestmark = pytest.mark.model

ARTICLES = [
    "",
    "Russia hosted talks with Hamas in Moscow on Monday. “We are ready,” said Ismail Haniyeh.",
    "The European Union imposed sanctions on Iran last week, officials said.\n\nTehran rejected the decision.",
    # a quotation split by its attribution, indirect speech, and a partial quotation
    "“We will not sign this text,” the Iranian foreign minister said on Tuesday, “unless the sanctions are "
    "lifted first.” Officials said that talks with the European Union would resume in Geneva next month.",
    "The prime minister called the vote “a farce staged by the army” and said that her party would boycott the runoff.",
]
OPENING_MARKS, CLOSING_MARKS = '"“«„', '"”»'
# between two pieces of a split quotation: the closing mark, the attribution, the opening mark
ATTRIBUTION_GAP = rf'\s*[{CLOSING_MARKS}][^{OPENING_MARKS}{CLOSING_MARKS}\n]+[{OPENING_MARKS}]\s*'


def text_fills_span(quote, text: str) -> bool:
    """A quote's ``text`` is the text at ``start:end``; for a quotation in marks split by its
    attribution (“We are ready,” she said, “to talk.”) it is the pieces joined by one space, and
    the span runs from the first piece to the last with only the attribution between them."""
    span = text[quote.start:quote.end]
    if quote.text == span:
        return True
    if quote.kind == "indirect" or not quote.text:
        return False
    words = quote.text.split(" ")
    pattern = re.escape(words[0]) + "".join(f"(?: |{ATTRIBUTION_GAP}){re.escape(w)}" for w in words[1:])
    return re.fullmatch(pattern, span) is not None


@pytest.fixture(scope="module")
def schema():
    return json.loads((resources.files("dyad") / "schema" / "document.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", ARTICLES)
def test_documents_validate(extract, schema, text):
    doc = extract(text)
    jsonschema.validate(doc.to_dict(), schema)


@pytest.mark.parametrize("text", ARTICLES)
def test_offsets_point_into_text(extract, text):
    doc = extract(text)
    for actor in doc.actors:
        for m in actor.mentions:
            assert doc.text[m.start:m.end] == m.text
    for event in doc.events:
        assert doc.text[event.trigger.start:event.trigger.end] == event.trigger.text
        span = doc.sentences[event.sentence]
        assert span.start <= event.trigger.start < span.end
    for quote in doc.quotes:
        assert 0 <= quote.start < quote.end <= len(doc.text), quote
        assert text_fills_span(quote, doc.text), (quote, doc.text[quote.start:quote.end])
        if quote.kind != "indirect":  # the span starts right after the opening mark
            assert doc.text[:quote.start].rstrip()[-1:] in OPENING_MARKS + CLOSING_MARKS, quote


def test_split_quotation_is_its_pieces(extract):
    doc = extract(ARTICLES[3])
    split = [q for q in doc.quotes if q.text != doc.text[q.start:q.end]]
    assert [q.text for q in split] == ["We will not sign this text, unless the sanctions are lifted first."]
    assert text_fills_span(split[0], doc.text)


TEXT = "“We are ready,” she said, “to talk.” Officials said that the talks would resume."


@pytest.mark.parametrize("quote_text, start, end, kind, fills", [
    ("We are ready,", 1, 14, "direct", True),
    ("We are ready, to talk.", 1, 35, "direct", True),
    ("We are ready, to talk.", 1, 35, "partial", True),
    ("the talks would resume", 57, 79, "indirect", True),
    ("We are ready, to talk.", 1, 35, "indirect", False),  # indirect speech has no pieces
    ("We are ready", 1, 14, "direct", False),  # text shorter than its span
    ("We are ready, to talk", 1, 35, "direct", False),  # a piece cut short
    ("We are ready,  to talk.", 1, 35, "direct", False),  # not joined by one space
    ("We are ready, she said, to talk.", 1, 35, "direct", False),  # the attribution kept
    ("are ready, to talk.", 1, 35, "direct", False),  # the span starts before the text
    ("We are ready, to talk.", 0, 35, "direct", False),  # the opening mark in the span
])
def test_text_fills_span(quote_text, start, end, kind, fills):
    from dyad.document import Quote

    assert (TEXT[1:14], TEXT[1:35][-9:], TEXT[57:79]) == ("We are ready,", "“to talk.", "the talks would resume")
    assert text_fills_span(Quote("q1", quote_text, start, end, kind), TEXT) is fills


def test_import_dyad_is_light():
    import subprocess
    import sys

    code = "import sys, dyad; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
