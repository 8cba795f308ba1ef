"""Quoted words that name a thing rather than report anyone's words: the title of a show, a
film, a programme or a document in marks ("on Fox News's “Morning Hour”", "the documentary
“Operation Dawn”"). They are not quotations and are not reported."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..lexicons import word_class
from .marks import QuoteSpan

# Nouns after which words in marks are a title ("the show “…”", "the documentary “…”")
TITLE_NOUNS = word_class("title_nouns")

NAMING_VERBS = word_class("naming_verbs")

MAX_TITLE_WORDS = 6

_WORD = re.compile(r"[^\W_][\w'’-]*")

# small words a title leaves in lower case ("Face the Nation", "Fox and Friends")
_TITLE_SMALL_WORDS = word_class("title_small_words")


def _title_case(content: str) -> bool:
    words = _WORD.findall(content)
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    capitalised = [w for w in words if w[0].isupper() or w[0].isdigit()]
    return bool(capitalised) and all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def is_title(doc: Doc, text: str, qs: QuoteSpan) -> bool:
    """Words in marks in title case, glued into the writer's sentence after a possessive
    ("CBS's “…”", "his “…”"), a title noun ("the show “…”", "an episode of “…”") or "on" ("appeared on “…”"), with
    no verb of naming before them ("dubbed him “Lyin' Ted”" names someone with the words)."""
    content = text[qs.start:qs.end].strip().rstrip(".,;:")
    if not _title_case(content):
        return False
    before = doc.char_span(max(0, qs.start - 60), max(0, qs.start - 1), alignment_mode="contract")
    if before is None or not len(before):
        return False
    last = [t for t in before if not t.is_punct or t.text in ("'s", "’s")][-3:]
    if any(t.lemma_.lower() in NAMING_VERBS or t.lower_ == "as" for t in last):
        return False  # "known as “…”", "called it “…”", "hailed Trump as “…”"
    if not last:
        return False
    final = last[-1]
    if final.tag_ == "CD" and len(last) > 1:
        final = last[-2]  # "his 1994 “…”", "CNN's 2016 “…”"
    return (final.tag_ in ("POS", "PRP$") or final.text in ("'s", "’s") or final.lemma_.lower() in TITLE_NOUNS
            or (final.pos_ == "ADP" and final.lower_ == "on")
            # "an episode of “…”", "this weekend's broadcast of “…”"
            or (final.lower_ == "of" and len(last) > 1 and last[-2].lemma_.lower() in TITLE_NOUNS))
