"""Shared fixtures: the spaCy pipeline is built once per test session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pipeline():
    from dyad.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline):
    def run(text: str, published: str | None = "2024-03-06"):
        return pipeline.extract(text, published=published)

    return run


def actor_named(doc, name):
    return next((a for a in doc.actors if a.name == name), None)


def events_by(doc, source_name, target_name):
    names = {a.id: a.name for a in doc.actors}
    return [e for e in doc.events if names.get(e.source) == source_name and names.get(e.target) == target_name]
