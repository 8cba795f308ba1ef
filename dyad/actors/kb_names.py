"""Display names for dictionary entries written in capitals ("UNITED_NATIONS_SECURITY_COUNCIL"
-> "United Nations Security Council"), keeping acronyms the dictionary itself uses."""
from __future__ import annotations

import re
from collections.abc import Iterable

# Lower-case inside a name (never as its first word).
_FUNCTION_WORDS = frozenset(
    "of the and for in on at to by with a an de del da das do dos du des la le les von van der y e".split()
)
_ROMAN = frozenset("II III IV VI VII VIII IX XI XII XIII XIV XV".split())
_VOWELS = set("AEIOU")
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$")


def clean_raw(raw: str) -> str:
    """A dictionary name as words: underscores to spaces, truncation debris dropped."""
    text = " ".join(raw.replace("_", " ").split())
    # unbalanced brackets are truncation debris: "STANKO TODOROV (ACTING", "HAMMARSKJOLD)"
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")]
    if text.count(")") > text.count("("):
        text = text.replace(")", "")
    return text.strip(" -,/+")


def _initials(words: list[str], *, skip_function_words: bool) -> str:
    return "".join(w[0] for w in words if w and not (skip_function_words and w.lower() in _FUNCTION_WORDS))


def find_acronyms(groups: Iterable[list[str]]) -> set[str]:
    """Short all-caps words that are acronyms, from groups of raw names that mean one actor.

    A single-word name of 2-5 letters counts as an acronym when it has no vowel
    (``KDP``) or when it spells the initials of another name in the same group
    (``NATO`` beside ``NORTH_ATLANTIC_TREATY_ORGANIZATION``, ``UN`` beside
    ``UNITED_NATIONS``), with or without its function words. So ``IRAN`` and
    ``CHAD`` stay ordinary words.
    """
    acronyms: set[str] = set()
    for names in groups:
        cleaned = [clean_raw(n) for n in names]
        word_lists = [c.split() for c in cleaned]
        for text in cleaned:
            if not (2 <= len(text) <= 5 and text.isalpha() and text.isupper()):
                continue
            if not (_VOWELS & set(text)) or any(
                len(words) > 1 and text in (_initials(words, skip_function_words=True).upper(),
                                            _initials(words, skip_function_words=False).upper())
                for words in word_lists
            ):
                acronyms.add(text)
    return acronyms


def _title_word(word: str, acronyms: set[str], *, first: bool, in_parens: bool) -> str:
    bare = word.strip("().,\"'`")
    if re.fullmatch(r"\d+(?:ST|ND|RD|TH)", bare):
        return word.lower()  # 20TH -> 20th
    if not bare or any(ch.isdigit() for ch in word) or bare in acronyms or bare in _ROMAN:
        return word
    if _DOTTED_INITIALS.match(bare) or (in_parens and bare.isalpha() and len(bare) <= 6):
        return word  # U.S., (AAIA)
    if not first and word.lower() in _FUNCTION_WORDS:  # "A." is an initial, not the article
        return word.lower()
    parts = []
    for i, part in enumerate(word.split("-")):
        if i and len(part) == 1:
            parts.append(part.lower())  # MAZAR-I-SHARIF -> Mazar-i-Sharif
        else:
            parts.append(_title_part(part))
    return "-".join(parts)


def _title_part(part: str) -> str:
    pieces = part.split("'")
    out = [_cap(pieces[0])]
    for before, piece in zip(pieces, pieces[1:]):
        # O'NEIL -> O'Neil, D'IVOIRE -> D'Ivoire; PEOPLE'S -> People's, QA'IDA -> Qa'ida
        out.append(_cap(piece) if len(before.strip("(\"`")) == 1 else piece.lower())
    return "'".join(out)


def _cap(piece: str) -> str:
    lead = len(piece) - len(piece.lstrip("(\"`"))
    body = piece[lead:]
    if body.startswith("MC") and len(body) > 3:
        return piece[:lead] + "Mc" + body[2:].capitalize()  # MCCLOY -> McCloy
    return piece[:lead] + body.capitalize()


def display_name(raw: str, acronyms: set[str] = frozenset()) -> str:
    """A dictionary phrase as people write it: ``SERGEY_LAVROV_`` -> ``Sergey Lavrov``.

    Underscores become spaces and the trailing ``_`` goes. Only an all-caps phrase is
    re-cased: each word is capitalised (after a hyphen too, and after an apostrophe
    that follows one letter), function words such as "of" and "the" are lower case
    after the first word, and these stay as written: known acronyms (see
    ``find_acronyms``), dotted initials (``U.S.``), Roman numerals, words with a
    digit (``MI6``) and short all-caps words in brackets (``(AAIA)``).
    """
    text = clean_raw(raw)
    if any(ch.islower() for ch in text):
        return text
    words, depth, out = text.split(), 0, []
    for i, word in enumerate(words):
        depth += word.count("(")
        out.append(_title_word(word, acronyms, first=i == 0, in_parens=depth > 0))
        depth -= word.count(")")
    return " ".join(out)
