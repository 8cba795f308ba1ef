"""Try it over the bad-input corpus of ``dyad extract``/``dyad ingest`` (tests/ingest/bad_inputs): every
file uploaded answers a 4xx with a dyad error code or a 200, never a 5xx or a traceback; a bad text or
HTML file is refused with its reason, and a good one comes back processed with its marker."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.model

BAD_INPUTS = Path(__file__).resolve().parents[1] / "ingest" / "bad_inputs"
FILES = sorted(p.name for p in BAD_INPUTS.iterdir() if p.is_file())


@pytest.mark.parametrize("name", FILES)
def test_every_bad_input_file_uploaded_is_an_answer_not_a_crash(client, name):
    data = (BAD_INPUTS / name).read_bytes()
    response = client.post("/api/try", files={"file": (name, data, "application/octet-stream")},
                           data={"published": "2025-03-14"})
    assert response.status_code < 500 and "Traceback" not in response.text, (name, response.text[:300])
    kind = Path(name).suffix
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["code"].startswith("E") and name in error["message"], (name, error)
    if name.startswith("bad_") and kind in (".txt", ".html"):
        assert 400 <= response.status_code < 500, (name, response.text[:300])
    if name.startswith("good_") and kind in (".txt", ".html"):
        assert response.status_code == 200, (name, response.text[:300])
        assert "G0" in response.json()["text"]  # the good article's marker: decoded and processed


@pytest.mark.parametrize("name", [n for n in FILES if n.endswith(".txt")])
def test_the_same_texts_pasted_are_an_answer_not_a_crash(client, name):
    text = (BAD_INPUTS / name).read_bytes().decode("utf-8", errors="replace")
    response = client.post("/api/try", data={"text": text, "published": "2025-03-14"})
    assert response.status_code < 500 and "Traceback" not in response.text, (name, response.text[:300])
