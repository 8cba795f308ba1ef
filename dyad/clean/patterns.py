"""Every pattern the cleaner uses, compiled once. Data, not logic: edit here."""
from __future__ import annotations

import re

# --- unicode repair ---------------------------------------------------------

LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")

# Zero-width and format characters, plus C0/C1 controls other than \n and \t.
INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]"
)

# No-break, narrow no-break and figure spaces all read as plain spaces.
NO_BREAK_SPACE = re.compile("[\u00a0\u202f\u2007]")

# --- furniture: whole lines a reposting site adds around an article ----------
# Matched with fullmatch against the stripped line, case-insensitively.

FURNITURE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"source:.*",
        r"(?:\d+|one|no) (?:repl(?:y|ies)|comments?)",
        r"comments are closed\.?",
        r"share this(?: (?:article|story|post|page))?\s*[:!]?",
        r"share on (?:facebook|twitter|x|linkedin|whatsapp|reddit|email|telegram)",
        r"tweet",
        r"read more\s*(?:[:.…»>]+.*)?",
        r"related (?:posts|articles|stories|news)\s*:?",
        r"click here to .{0,150}",
        r"subscribe(?: now| today| here)?\s*[.!:]?",
        r"(?:subscribe|sign up)\b.{0,150}\b(?:newsletters?|inbox|e-?mails?|updates)\b.{0,100}",
        r"advertisement",
        r"like this\s*:?",
        r"loading(?:\.\.\.|…)",
        # an embedded video's caption as news sites print it above the article: "CLOSE" (the player's
        # close button) then the blurb; capitals only, so prose opening "Close aides said" stays
        r"(?-i:CLOSE)\s.{0,600}",
    )
)

# "...the last sentence.Comments are closed." glued onto the final line.
GLUED_TRAILER = re.compile(
    r"(?<=[.!?”’\"'])[ \t]*((?:comments are closed\.?[ \t]*)+)$", re.IGNORECASE
)

# --- glued sentences --------------------------------------------------------

# A candidate boundary: sentence punctuation, an optional closing quote, then a
# letter or an opening quote. Whether to insert a space is decided in code.
GLUED_CANDIDATE = re.compile(r"(?P<punct>[.?!,])(?P<close>[”’\"']?)(?=[“‘\"]|[^\W\d_])")

# A closing curly quote directly followed by an opening one: ”“
GLUED_QUOTES = re.compile(r"(?<=[”’])(?=[“‘])")

CLOSING_CURLY = frozenset("”’")
STRAIGHT_QUOTES = frozenset("\"'")
OPENING_QUOTES = frozenset("“‘\"")

# The letters-and-digits run directly before a period.
WORD_BEFORE = re.compile(r"[^\W_]+$")

# The whitespace-delimited token around a position, checked for URLs and e-mails.
URL_OR_EMAIL = re.compile(
    r"://|^www\.|@|\.(?:com|org|net|gov|edu|info|io|uk)(?:[/:?#.]|$)",
    re.IGNORECASE,
)

# "report.PDF": an upper-case file extension after the period is not a sentence.
FILE_EXTENSION = re.compile(
    r"(?:PDF|DOCX?|XLSX?|PPTX?|CSV|TXT|JPE?G|PNG|GIF|ZIP|HTML?|MP[34]|XML|JSON)\b"
)

# A lone capital after the period, as in the ticker "VZ.N)".
SINGLE_CAPITAL = re.compile(r"[A-Z](?![^\W\d_])")

# Words that take a period without ending a sentence ("Mr.Smith" stays glued).
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    Mr Mrs Ms Messrs Dr Prof St Mt Ft Gen Sen Rep Gov Lt Col Sgt Capt Cmdr Adm
    Maj Rev Hon Pres Supt Jr Sr Atty Insp Sec Amb Gens Reps Sens
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    No Nos Vol Fig Inc Corp Co Ltd Bros Ave Blvd Rd vs etc al approx
    """.split()
)

# --- whitespace -------------------------------------------------------------

HORIZONTAL_SPACE = re.compile(r"[ \t]+")
EXTRA_NEWLINES = re.compile(r"\n{3,}")


# A markup tag with its attributes: <tweet tweet-id="1">, </tweet>, <tweet/>, <br>. Only names
# that start a tag right after "<" with no space, so "a < b" and "<3" are left alone.
MARKUP_TAG = re.compile(
    r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]{0,2000}\"|'[^']{0,2000}'|[^\s>\"']+))?)*\s*/?>"
)
