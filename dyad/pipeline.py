"""Builds the spaCy pipeline once per process and runs the stages in order.

clean -> spaCy -> actors -> events -> quotes -> one plain ``Document``.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

import spacy
from spacy.language import Language

from .actors.kb import load_kb
from .actors.coref import speaker_pronouns
from .actors.mentions import find_mentions
from .actors.resolve import resolve_actors
from .clean import clean_text
from .document import Document, Span
from .errors import W_BAD_DATE, W_NO_SENTENCES, W_PIECES, W_REMOVED, ModelNotFound
from .events.coder import find_events
from .events.dates import parse_published
from .events.lexicon import load_lexicon
from .events.monadic import monadic_lexicon
from .quotes.finder import find_quotes_and_speakers
from .pieces import PIECE_CHARS, join_pieces, piece_bounds
from .sentences import sentences as sentence_list

from .config import DEFAULT_MODEL


@Language.component("dyad_paragraphs")
def paragraph_boundaries(doc):
    """A paragraph break always ends a sentence (the parser otherwise glues a closing
    quotation mark at a paragraph end to the next paragraph's first sentence)."""
    for tok in doc[1:]:
        previous = doc[tok.i - 1]
        if "\n" in previous.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
        elif previous.is_space and "\n" in previous.text:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_model(name: str = DEFAULT_MODEL):
    """Load a spaCy pipeline by package name or path, once per process."""
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(name) from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dyad_paragraphs", before="parser")
    return nlp


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Pipeline:
    """Everything needed to turn article text into a Document; build once, reuse."""

    def __init__(self, model: str = DEFAULT_MODEL, *, kb_files: Iterable[str] = (), monadic: bool = False) -> None:
        self.model_name = model
        self.monadic = monadic
        self.nlp = load_model(model)
        self.kb = load_kb(tuple(kb_files))
        self.lexicon = monadic_lexicon(load_lexicon()) if monadic else load_lexicon()
        self.piece_chars = PIECE_CHARS  # longer texts are parsed in pieces of at most this many characters

    def extract(self, text: str, *, published: str | None = None, title: str | None = None,
                id: str | None = None, url: str | None = None) -> Document:
        return next(self.extract_many([dict(text=text, published=published, title=title, id=id, url=url)]))

    def extract_many(self, articles: Iterable[dict], *, batch_size: int = 16) -> Iterator[Document]:
        """Articles as dicts with ``text`` and optional ``published``, ``title``, ``id``, ``url``.

        A text longer than ``PIECE_CHARS`` is parsed in pieces (see ``dyad/pieces.py``), so
        cost and memory stay those of a piece whatever the article's length.
        """
        short: list[tuple[dict, object]] = []
        for article in articles:
            cleaned = clean_text(article.get("text") or "")
            if len(cleaned.text) <= self.piece_chars:
                short.append((article, cleaned))
                if len(short) >= batch_size:
                    yield from self._batch(short, batch_size)
                    short = []
                continue
            yield from self._batch(short, batch_size)
            short = []
            yield self._long_document(article, cleaned)
        yield from self._batch(short, batch_size)

    def _batch(self, prepared: list[tuple[dict, object]], batch_size: int) -> Iterator[Document]:
        """Short articles parsed together (spaCy batches them)."""
        pairs = ((cleaned.text, (article, cleaned)) for article, cleaned in prepared)
        for doc, (article, cleaned) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            published = parse_published(article.get("published"))
            yield self._document([self._stages(doc, published, 0)], article, cleaned, published)

    def _long_document(self, article: dict, cleaned) -> Document:
        """A long article parsed one piece at a time, so only one piece's Doc is ever in memory."""
        published = parse_published(article.get("published"))
        parts = []
        for start, end in piece_bounds(cleaned.text, self.piece_chars):
            parts.append(self._stages(self.nlp(cleaned.text[start:end]), published, start))
        return self._document(parts, article, cleaned, published)

    def _stages(self, doc, published, offset: int) -> "_Part":
        """Sentences, actors, events, quotes and warnings of one parsed text (or piece at ``offset``)."""
        sentences = tuple(Span(s.start_char, s.end_char) for s in sentence_list(doc))
        index = resolve_actors(doc, find_mentions(doc, self.kb, self.nlp), self.kb, published)
        # speakers add mentions ("the former senator said") and source actors ("the ruling said")
        quotes, quote_warnings, index = find_quotes_and_speakers(doc, index)
        # "we" and "I" inside a quotation are its speaker: the events stage sees them resolved
        index = index.with_mentions(doc, speaker_pronouns(doc, index, quotes))
        events = find_events(doc, index, self.lexicon, published, monadic=self.monadic)
        events = _attach_speakers(events, quotes)
        return _Part(offset, sentences, tuple(index.actors), tuple(events), tuple(quotes), tuple(quote_warnings))

    def _document(self, parts: list["_Part"], article: dict, cleaned, published) -> Document:
        warnings: list[str] = []
        if cleaned.removed:
            warnings.append(f"{W_REMOVED} removed {len(cleaned.removed)} piece(s) of reposting furniture (see 'removed')")
        published_raw = article.get("published")
        if published_raw and published is None:
            warnings.append(f"{W_BAD_DATE} publication date {published_raw!r} is not YYYY-MM-DD; relative dates left unresolved")
        if len(parts) == 1:
            sentences, actors, events, quotes = parts[0].sentences, parts[0].actors, parts[0].events, parts[0].quotes
        else:
            sentences, actors, events, quotes = join_pieces([part[:5] for part in parts])
            warnings.append(f"{W_PIECES} text of {len(cleaned.text):,} characters parsed in {len(parts)} pieces; "
                            "coreference and quotation attribution do not cross a piece boundary")
        if not sentences:
            warnings.append(f"{W_NO_SENTENCES} no text left after cleaning")
        warnings += [w for part in parts for w in _shifted(part.warnings, part.offset)]
        return Document(
            id=str(article.get("id") or content_id(cleaned.text)),
            text=cleaned.text, title=article.get("title"), url=article.get("url"),
            published=published.isoformat() if published else None,
            sentences=sentences, actors=actors, events=events,
            quotes=quotes, warnings=tuple(warnings), removed=tuple(cleaned.removed),
            meta={"model": self.model_name},
        )


class _Part(NamedTuple):
    """The records of one parsed text, or of one piece of a long text starting at ``offset``."""

    offset: int
    sentences: tuple[Span, ...]
    actors: tuple
    events: tuple
    quotes: tuple
    warnings: tuple[str, ...]


def _shifted(warnings: tuple[str, ...], offset: int) -> tuple[str, ...]:
    """A piece's warnings with the character offsets they name moved to the whole text's."""
    if not offset:
        return warnings
    return tuple(re.sub(r"(at offset )(\d+)", lambda m: f"{m.group(1)}{int(m.group(2)) + offset}", w) for w in warnings)


def _attach_speakers(events, quotes):
    """An event claimed inside a quotation or reported speech carries its speaker."""
    out = []
    for event in events:
        holder = next((q for q in quotes if q.start <= event.trigger.start < q.end and q.speaker), None)
        out.append(replace(event, speaker=holder.speaker) if holder else event)
    return out


@lru_cache(maxsize=2)
def default_pipeline(model: str = DEFAULT_MODEL) -> Pipeline:
    return Pipeline(model)
