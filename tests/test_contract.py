"""The output contract: every Document validates against the shipped JSON Schema."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

pytestmark = pytest.mark.model

ARTICLES = [
    "",
    "Russia hosted talks with Hamas in Moscow on Monday. “We are ready,” said Ismail Haniyeh.",
    "The European Union imposed sanctions on Iran last week, officials said.\n\nTehran rejected the decision.",
]


@pytest.fixture(scope="module")
def schema():
    return json.loads((resources.files("dyad") / "schema" / "document.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", ARTICLES)
def test_documents_validate(extract, schema, text):
    doc = extract(text)
    jsonschema.validate(doc.to_dict(), schema)


def test_offsets_point_into_text(extract):
    doc = extract(ARTICLES[1])
    for actor in doc.actors:
        for m in actor.mentions:
            assert doc.text[m.start:m.end] == m.text
    for event in doc.events:
        assert doc.text[event.trigger.start:event.trigger.end] == event.trigger.text
        span = doc.sentences[event.sentence]
        assert span.start <= event.trigger.start < span.end
    for quote in doc.quotes:
        assert quote.text in doc.text[quote.start:quote.end] or quote.kind == "direct"


def test_import_dyad_is_light():
    import subprocess
    import sys

    code = "import sys, dyad; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
