"""dyad extract goes on past an article the pipeline raises on (no model: a stand-in pipeline)."""
from __future__ import annotations

import json

from conftest import make_document

from dyad.cli.extract import Problems, extract_documents


class Exploding:
    """Stands in for a Pipeline: fails on one article, as a spaCy stage might."""

    def extract_many(self, articles):
        for article in articles:
            if "bad" in article["text"]:
                raise RuntimeError("stage crashed")
            yield make_document(article["text"])


def test_a_failing_article_is_one_error_line_and_the_others_are_written(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    texts = [f"Article {i} is {'bad' if i == 20 else 'good'}." for i in range(40)]
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts) + "{broken\n", encoding="utf-8")
    problems = Problems()
    docs = list(extract_documents(Exploding(), [str(path)], published=None, problems=problems))
    assert [d.text for d in docs] == [t for t in texts if "bad" not in t]
    failure, malformed = capsys.readouterr().err.splitlines()  # a batch's failures print when it is processed
    assert failure.startswith(f"Error: {path}:21: [E044] dyad failed on this article (RuntimeError: stage crashed "
                              "(at test_extract_isolation.py:")
    assert failure.endswith("); the other articles were processed; please report it with the article")
    assert malformed == (f"Error: {path}:41: [E038] malformed JSON (Expecting property name enclosed in double "
                         "quotes at column 2)")
    assert problems.count == 2
