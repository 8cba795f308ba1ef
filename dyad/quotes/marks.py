"""Quotation marks paired on plain text, no parse: the spans of quotations, a split quotation
joined, a partial quotation told from one that stands as a sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import W_UNBALANCED_QUOTE

OPENERS = "“«„"


CLOSERS = "”»"


MAX_QUOTE_CHARS = 1500  # an unclosed mark never swallows more than this


PARTIAL_MAX_WORDS = 3


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark)
    closed: bool
    parts: tuple[tuple[int, int], ...] = ()  # the pieces of a quotation split by its attribution

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.start, self.end),)

    def covers(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.pieces)


def _is_opening(text: str, i: int) -> bool:
    """Decide a mark's direction from its neighbours; the glyph only breaks ties
    (sloppy text uses ” to open: 'in 2015. ”We are ready')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([{—–-:"
    space_after = after.isspace() or after in ".,;:!?)]}" or i + 1 >= len(text)
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    if text[i] in OPENERS:
        return True
    if text[i] in CLOSERS:
        return False
    return not before.isalnum()


def find_quote_spans(text: str) -> tuple[list[QuoteSpan], list[str]]:
    """Paired double quotation marks, paragraph by paragraph (see ``_scan``).

    The scan of a text is kept for the next call with the same text: coreference asks which
    characters are quoted before the quotes stage attributes the quotations.
    """
    spans, warnings = _scan(text)
    return list(spans), list(warnings)


@lru_cache(maxsize=4)
def _scan(text: str) -> tuple[tuple[QuoteSpan, ...], tuple[str, ...]]:
    """Paired double quotation marks, paragraph by paragraph.

    A paragraph that ends inside a quotation continues it only when the next
    paragraph opens with a mark (the newswire convention); otherwise the span
    is capped at the paragraph end and a warning is returned.
    """
    spans: list[QuoteSpan] = []
    warnings: list[str] = []
    open_at: int | None = None
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and i + 1 < n and text[i + 1] == "\n" and open_at is not None:
            # paragraph break inside an open quotation
            j = i
            while j < n and text[j].isspace():
                j += 1
            continues = j < n and text[j] in '"“«„' and _is_opening(text, j)
            end = i
            spans.append(QuoteSpan(open_at, end, False))
            if not continues:
                warnings.append(f"{W_UNBALANCED_QUOTE} quotation mark at offset {open_at - 1} is never closed; capped at the paragraph end")
            open_at = None
            i = j
            continue
        if ch in '"“”«»„':
            if _is_opening(text, i) and open_at is None:
                open_at = i + 1
            elif open_at is not None:
                spans.append(QuoteSpan(open_at, i, True))
                open_at = None
            elif ch in OPENERS or _starts_words(text, i + 1):
                # nothing is open, so a "closing" mark before words opens a quotation
                open_at = i + 1
        if open_at is not None and i - open_at > MAX_QUOTE_CHARS:
            spans.append(QuoteSpan(open_at, i, False))
            warnings.append(f"{W_UNBALANCED_QUOTE} quotation mark at offset {open_at - 1} is never closed; capped at {MAX_QUOTE_CHARS} characters")
            open_at = None
        i += 1
    if open_at is not None:
        spans.append(QuoteSpan(open_at, n, False))
        warnings.append(f"{W_UNBALANCED_QUOTE} quotation mark at offset {open_at - 1} is never closed; capped at the end of the text")
    return tuple(_trimmed(s, text) for s in spans if text[s.start:s.end].strip()), tuple(warnings)


def _trimmed(span: QuoteSpan, text: str) -> QuoteSpan:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, span.closed, span.parts)


def _starts_words(text: str, i: int) -> bool:
    while i < len(text) and text[i] == " ":
        i += 1
    return i < len(text) and text[i].isalpha() and text[i].isupper()


def is_partial(text: str, qs: QuoteSpan, words: int) -> bool:
    """Quoted words inside the writer's own sentence ("called it “a farce”"), as opposed to
    a quotation that stands as a sentence of its own (“It's fine,” he said)."""
    k = qs.start - 2
    while k >= 0 and text[k] == " ":
        k -= 1
    glued_to_prose = k >= 0 and (text[k].isalnum() or text[k] in "’',")
    starts_lower = text[qs.start:qs.start + 1].islower()
    if words <= PARTIAL_MAX_WORDS:
        return glued_to_prose and text[k] != "," or starts_lower
    return glued_to_prose and starts_lower


def merge_split(spans: list[QuoteSpan], text: str) -> list[QuoteSpan]:
    """“We are ready,” she said, “to help.” is one quotation, and so is “We are ready,” she
    said. “We have waited long enough.”: a quotation whose first sentence stops at a comma
    and runs on after a short attribution sentence is one statement cut by its attribution."""
    merged: list[QuoteSpan] = []
    for span in spans:
        if merged:
            prev = merged[-1]
            between = text[prev.end + 1:span.start - 1]
            if (prev.closed and text[prev.end - 1:prev.end] == "," and len(between) < 80 and "\n" not in between
                    and (between.strip().endswith(",") and text[span.start:span.start + 1].islower()
                         or _attribution_sentence(between))):
                merged[-1] = QuoteSpan(prev.start, span.end, span.closed, prev.pieces + span.pieces)
                continue
        merged.append(span)
    return merged


# a sentence's end inside the words between two quotations ("... said. Then ..."); a
# capitalised abbreviation ("Sen.", "Mr.") does not end one
_SENTENCE_END = re.compile(r"\b[a-z\d]{2,}[.!?]\s")


def _attribution_sentence(between: str) -> bool:
    """The words between two quotations are one sentence that ends there (" Ruiz told
    reporters. "), with no quotation marks of their own."""
    words = between.strip()
    return (words.endswith(".") and not _SENTENCE_END.search(words[:-1] + " ")
            and not any(m in words for m in OPENERS + CLOSERS + '"') and len(words.split()) >= 2)


def is_headline(text: str, span: QuoteSpan) -> bool:
    """A quotation that fills its paragraph and ends without a sentence's final stop: a
    headline or a title in marks (“Peace talks collapse in Doha”), not someone's words."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    before, after = text[start:span.start], text[span.end:end]
    if before.strip(" \t\"“”«»„") or after.strip(" \t\"“”«»„"):
        return False
    return not text[span.start:span.end].rstrip().endswith((".", "!", "?", "…", ",", ":", ";"))


def close_marks(text: str, start: int, end: int) -> int:
    """``end`` moved past the closing mark of a quotation opened inside ``text[start:end]``
    (with the stop before the mark: "cats are “cuties.”"), so a span never leaves one open."""
    piece = text[start:end]
    opened = sum(piece.count(m) for m in OPENERS) - sum(piece.count(m) for m in CLOSERS)
    if opened <= 0 and piece.count('"') % 2 == 0:
        return end
    k = end
    while k < len(text) and k - end < 3 and text[k] in ".,;:!?":
        k += 1
    if k < len(text) and text[k] in CLOSERS + '"':
        return k + 1
    return end
