"""The cleaning steps: small functions from text to text, applied in order.

A step returns either the new text or ``(text, removed)`` where ``removed``
lists the pieces it dropped verbatim; ``clean_text`` collects those.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import ftfy

from dyad.clean import patterns

Step = Callable[[str], "str | tuple[str, Sequence[str]]"]


def repair_unicode(text: str, *, normalization: str = "NFC") -> str:
    """Fix mojibake, unify line endings, drop invisible characters, NBSP -> space.

    Curly quotes and the ellipsis character are kept: later stages read them.
    """
    text = ftfy.fix_text(text, uncurl_quotes=False, normalization=normalization)
    text = patterns.LINE_BREAKS.sub("\n", text)
    text = patterns.INVISIBLE.sub("", text)
    return patterns.NO_BREAK_SPACE.sub(" ", text)


def remove_furniture(
    text: str,
    *,
    line_patterns: Sequence[re.Pattern[str]] = patterns.FURNITURE_LINES,
    glued_trailer: re.Pattern[str] = patterns.GLUED_TRAILER,
) -> tuple[str, list[str]]:
    """Drop whole lines a reposting site adds ("Source: ...", "1 reply", ...).

    Only whole lines go, plus a trailer glued onto the last line of the article
    ("...the end.Comments are closed."); the same words inside a sentence stay.
    Returns the text and the removed pieces, stripped, in document order.
    """
    lines = text.split("\n")
    furniture = [_is_furniture(line.strip(), line_patterns) for line in lines]
    last_content = max(
        (i for i, line in enumerate(lines) if line.strip() and not furniture[i]),
        default=-1,
    )
    kept: list[str] = []
    removed: list[str] = []
    for i, line in enumerate(lines):
        if furniture[i]:
            removed.append(line.strip())
            continue
        if i == last_content:
            match = glued_trailer.search(line)
            if match:
                removed.append(match.group(1).strip())
                line = line[: match.start()]
        kept.append(line)
    return "\n".join(kept), removed


def _is_furniture(line: str, line_patterns: Sequence[re.Pattern[str]]) -> bool:
    return bool(line) and any(pattern.fullmatch(line) for pattern in line_patterns)


def repair_glued_sentences(
    text: str, *, abbreviations: frozenset[str] = patterns.ABBREVIATIONS
) -> str:
    """Put the missing space back between glued sentences: "Gaza.The" -> "Gaza. The".

    Leaves abbreviations ("U.S.", "Mr.Smith", "a.m."), initials, decimals,
    URLs, e-mail addresses, file names and ellipses alone.
    """

    def replace(match: re.Match[str]) -> str:
        return _respace(text, match, abbreviations)

    text = patterns.GLUED_CANDIDATE.sub(replace, text)
    return patterns.GLUED_QUOTES.sub(" ", text)


def _respace(text: str, match: re.Match[str], abbreviations: frozenset[str]) -> str:
    punct, close = match["punct"], match["close"]
    unchanged = match.group()
    following = text[match.end()]
    if not (following.isupper() or following in patterns.OPENING_QUOTES):
        return unchanged
    if following == '"' and (not close or _closes_quote(text, match.end())):
        # they?'" he said: the straight quote closes, it does not open a sentence
        return unchanged
    if punct == ",":
        # Only the unambiguous curly case: elections,”Speaking
        return f"{unchanged} " if close and close in patterns.CLOSING_CURLY else unchanged
    if _inside_url_or_email(text, match.start()):
        return unchanged
    if close and close in patterns.CLOSING_CURLY:
        return f"{unchanged} "
    if punct == "." and not _ends_sentence(text, match, abbreviations):
        return unchanged
    if close == '"' and not _closes_quote(text, match.start() + 1):
        # end."We -> the quote opens the next sentence: end. "We
        return f"{punct} {close}"
    return f"{unchanged} "


def _ends_sentence(text: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    """Whether the period at match.start() can end a sentence, judged by the word before."""
    start = match.start()
    if start == 0:
        return False
    before = text[start - 1]
    if patterns.FILE_EXTENSION.match(text, match.end()):
        return False
    if before in ")]" or before in patterns.CLOSING_CURLY or before in patterns.STRAIGHT_QUOTES:
        return True
    # A bounded window keeps this linear on long paragraphs.
    word_match = patterns.WORD_BEFORE.search(text, max(0, start - 64), start)
    if word_match is None:
        return False  # "..." and other punctuation
    word = word_match.group()
    if len(word) < 2 or word in abbreviations:
        return False  # U.S., e.g., J.R.R., a.m., Mr.
    if word_match.start() > 0 and text[word_match.start() - 1] in ".@/":
        return False  # a dotted token: file.tar.Gz, a.b.C
    if before.isupper():
        # An acronym such as UN or NATO, but not a Reuters ticker such as VZ.N
        return word.isupper() and not patterns.SINGLE_CAPITAL.match(text, match.end())
    return True


def _closes_quote(text: str, quote_pos: int) -> bool:
    """A straight double quote closes when an odd number of them precede it in the paragraph."""
    paragraph_start = text.rfind("\n", 0, quote_pos) + 1
    return text.count('"', paragraph_start, quote_pos) % 2 == 1


def _inside_url_or_email(text: str, pos: int) -> bool:
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return bool(patterns.URL_OR_EMAIL.search(text[start:end]))


def normalize_whitespace(text: str) -> str:
    """One space between words, no spaces at line ends, at most one blank line."""
    lines = (patterns.HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return patterns.EXTRA_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


def strip_markup(text: str, *, tag: re.Pattern[str] = patterns.MARKUP_TAG) -> tuple[str, list[str]]:
    """Drop markup tags left in scraped text (``<tweet tweet-id="…">``, ``</tweet>``, ``<br/>``)
    so no later stage reads their attribute values as words or quotations; the words between
    an opening and a closing tag stay. Returns the text and the removed tags, in order."""
    removed = [m.group(0) for m in tag.finditer(text)]
    return (tag.sub("", text), removed) if removed else (text, removed)


DEFAULT_STEPS: tuple[Step, ...] = (
    repair_unicode,
    strip_markup,
    remove_furniture,
    repair_glued_sentences,
    normalize_whitespace,
)
