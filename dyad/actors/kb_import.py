"""Convert PETRARCH/TABARI actor and agent dictionaries into dyad's knowledge-base TSV files.

Pure functions over lines of text: ``parse_actors`` and ``parse_agents`` find the
records, the ``write_*`` functions write them in the formats documented in
``dyad/data/README.md``. A line that cannot be read is skipped and reported as a
``file:line: reason`` warning; nothing is dropped silently.

Dictionary constructs handled (all of them occur in the Phoenix dictionaries):

- ``#`` starts a comment anywhere on a line; lines starting with ``<`` are
  XML-style comments; blank lines are ignored.
- ``NAME_WITH_UNDERSCORES_ [CODE]``: a primary phrase, optionally with one or more
  ``[CODE ...]`` groups on the same line. Text after the last ``]`` is ignored.
- ``+SYNONYM`` lines (several on one line are split at `` +``).
- tab-indented ``[CODE]``, ``[CODE >DATE]``, ``[CODE <DATE]``, ``[CODE DATE-DATE]``
  role lines; an indented line holding a name is read as a synonym plus its roles.
- A primary phrase without a code takes its codes from the indented role lines
  that follow; consecutive code-less primary phrases share those codes (as in
  PETRARCH). A record that ends up with no code is reported and skipped.
- ``[---]`` is the null code: it adds no role.
- Dates are ``YYMMDD`` or ``YYYYMMDD``; two-digit years 00-29 are 20xx, 30-99 are 19xx.
- Agents: ``TERM {PLURAL} [~CODE]`` or ``[CODE~]``; ``!MARKER! = A, B`` defines a
  substitution set used as ``FOREIGN_!MINIST!``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple, TextIO

from ..data_files import data_path, read_tsv
from ..errors import DictionaryFileError
from .kb import SECTORS
from .kb_names import clean_raw, display_name, find_acronyms

NULL_CODE = "---"


class Role(NamedTuple):
    """One CAMEO code an actor held, with ISO dates; ``None`` means open."""

    cameo_code: str
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class ActorRecord:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    line: int  # line of the primary phrase in the source file


@dataclass(frozen=True, slots=True)
class AgentRecord:
    term: str
    sector: str
    kind: str  # PERSON or GROUP
    line: int


@dataclass
class ImportResult:
    records: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "file:line: reason"
    counts: dict[str, int] = field(default_factory=dict)

    def warn(self, origin: str, lineno: int, reason: str, *, skipped: int = 1) -> None:
        self.warnings.append(f"{origin}:{lineno}: {reason}")
        self.counts["skipped_lines"] = self.counts.get("skipped_lines", 0) + skipped


# ---------------------------------------------------------------- dates and codes

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")
_BOUND = re.compile(r"^([<>])\s*(\d+)$")


class _BadRole(ValueError):
    pass


def tabari_date(text: str) -> str:
    """``YYMMDD`` or ``YYYYMMDD`` -> ``YYYY-MM-DD`` (00-29 -> 20xx, 30-99 -> 19xx)."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise _BadRole(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 29 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day).isoformat()
    except ValueError as err:
        raise _BadRole(f"date {text!r} is not a calendar date") from err


def parse_role(inside: str) -> Role | None:
    """The text inside ``[...]``: ``CODE``, ``CODE >DATE``, ``CODE <DATE`` or ``CODE A-B``; ``None`` for ``---``."""
    parts = inside.strip().split(None, 1)
    if not parts:
        raise _BadRole("empty code")
    cameo_code = parts[0]
    if not re.fullmatch(r"[A-Z0-9]+|---", cameo_code):
        raise _BadRole(f"code {cameo_code!r} is not a CAMEO code")
    restriction = parts[1].strip() if len(parts) > 1 else ""
    if cameo_code == NULL_CODE:
        return None
    if not restriction:
        return Role(cameo_code, None, None)
    if m := _BOUND.match(restriction):
        day = tabari_date(m.group(2))
        return Role(cameo_code, day, None) if m.group(1) == ">" else Role(cameo_code, None, day)
    if m := _RANGE.match(restriction):
        start, end = tabari_date(m.group(1)), tabari_date(m.group(2))
        if end < start:
            raise _BadRole(f"range {restriction!r} ends before it starts")
        return Role(cameo_code, start, end)
    raise _BadRole(f"date restriction {restriction!r} is not >DATE, <DATE or DATE-DATE")


def current_role(roles: Iterable[Role]) -> Role | None:
    """The latest role: open-ended dated > undated default > the one that ended last."""
    return max(roles, key=lambda r: (r.end or "9999-99-99", r.start or ""), default=None)


# ---------------------------------------------------------------- actors


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _split_codes(text: str) -> tuple[str, list[str]]:
    """``NAME [A] [B] trailing`` -> (``NAME``, [``A``, ``B``]); raises on an unclosed ``[``."""
    head, bracket, _ = text.partition("[")
    if not bracket:
        return text, []
    rest = text[len(head):]
    groups = _BRACKET.findall(rest)
    if rest.count("[") != len(groups) or rest.count("]") != len(groups):
        raise _BadRole("unbalanced '[' ... ']'")
    return head, groups


@dataclass
class _Pending:
    line: int
    names: list[str]  # raw phrases: the primary first, then synonyms
    roles: list[Role] = field(default_factory=list)


def _actor_blocks(lines: Iterable[str], origin: str, result: ImportResult) -> Iterator[list[_Pending]]:
    """Group the file into blocks of primary phrases that share one list of codes."""
    block: list[_Pending] = []
    has_codes = False  # a code (even ---) has been seen for the current block

    def add_roles(groups: list[str], lineno: int, *, role_line: bool = False) -> bool:
        nonlocal has_codes
        roles, failures = [], 0
        for inside in groups:
            try:
                role = parse_role(inside)
            except _BadRole as err:
                failures += 1
                # a role line counts as skipped when none of its codes could be read
                result.warn(origin, lineno, f"{err}; role skipped",
                            skipped=int(role_line and failures == len(groups)))
                result.counts["skipped_roles"] = result.counts.get("skipped_roles", 0) + 1
                continue
            has_codes = True
            if role is None:
                result.counts["null_codes"] = result.counts.get("null_codes", 0) + 1
            else:
                roles.append(role)
        block[-1].roles.extend(roles)
        return bool(roles)

    for lineno, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "<")):
            continue
        text = _strip_comment(line)
        if not text.strip():
            continue
        try:
            head, groups = _split_codes(text)
        except _BadRole as err:
            result.warn(origin, lineno, f"{err}; line skipped")
            continue
        indented = line[:1].isspace()
        body = head.strip()
        if any(ord(ch) < 32 and ch != "\t" for ch in body) or "\ufffd" in body or "|" in body:
            result.warn(origin, lineno, f"unreadable character in {body!r}; line skipped")
            continue
        if body.startswith("+") or (indented and body):
            if not block:
                result.warn(origin, lineno, "synonym before any primary phrase; line skipped")
                continue
            for synonym in re.split(r"\s\+", body.lstrip("+")):
                if clean_raw(synonym):
                    block[-1].names.append(synonym)
            if groups:
                add_roles(groups, lineno)
            continue
        if indented or not body:  # a role line
            if not block:
                result.warn(origin, lineno, "code line before any primary phrase; line skipped")
                continue
            if not groups:
                result.warn(origin, lineno, "indented line without [code]; line skipped")
                continue
            add_roles(groups, lineno, role_line=True)
            continue
        # a primary phrase: it starts a new block unless the current one still waits for codes
        if block and (has_codes or groups):
            yield block
            block, has_codes = [], False
        block.append(_Pending(lineno, [body]))
        if groups:
            add_roles(groups, lineno)
    if block:
        yield block


def parse_actors(lines: Iterable[str], *, origin: str) -> ImportResult:
    """Actor records (name, aliases, dated roles) from a TABARI ``.actors`` dictionary."""
    result = ImportResult(counts={"lines": 0, "skipped_lines": 0})
    counted = _Counted(lines)
    blocks = list(_actor_blocks(counted, origin, result))
    result.counts["lines"] = counted.n
    # an acronym is spelled out in its own block or in another block with the same code (UN_ / THE_UNITED_NATIONS_)
    by_code: dict[str, list[str]] = {}
    for block in blocks:
        for role in {r.cameo_code for p in block for r in p.roles}:
            by_code.setdefault(role, []).extend(n for p in block for n in p.names)
    acronyms = find_acronyms([[n for p in block for n in p.names] for block in blocks] + list(by_code.values()))
    for block in blocks:
        roles = tuple(dict.fromkeys(r for p in block for r in p.roles))
        for pending in block:
            name = display_name(pending.names[0], acronyms)
            if not name:
                result.warn(origin, pending.line, f"empty name {pending.names[0]!r}; entry skipped")
                continue
            if not roles:
                result.warn(origin, pending.line, f"{name!r} has no CAMEO code; entry skipped")
                result.counts["no_code"] = result.counts.get("no_code", 0) + 1
                continue
            aliases = tuple(a for a in dict.fromkeys(display_name(n, acronyms) for n in pending.names[1:])
                            if a and a != name)
            result.records.append(ActorRecord(name, aliases, roles, pending.line))
    result.counts["actors"] = len(result.records)
    result.counts["roles"] = sum(len(r.roles) for r in result.records)
    return result


class _Counted:
    """Iterate lines while counting them."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines, self.n = lines, 0

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            self.n += 1
            yield line


# ---------------------------------------------------------------- agents

# Head nouns that name a collective; any other agent term is a PERSON.
COLLECTIVE_NOUNS = frozenset(
    """administration agency alliance army assembly authorities authority bank battalion board brigade bureau
    cabinet cartel church clergy club coalition commission committee community company congress consulate
    corporation council court crowd delegation department embassy faction family firm force forces front gang
    government group guerrillas hospital industry junta legislature media militia military ministry ministries
    mob mosque movement navy network newspaper office opposition organisation organization parliament party
    people police population press regime regiment school senate service services squad staff tribunal troop troops
    union unit university""".split()
)

_AGENT_LINE = re.compile(r"^(?P<phrase>[^\[\]{}]*?)\s*(?:\{(?P<plural>[^{}\[\]]*)\})?\s*\[(?P<code>[^\[\]{}]*)\]")
_MARKER_DEF = re.compile(r"^!(?P<marker>[A-Z]+)!\s*=\s*(?P<items>.+)$")
_MARKER = re.compile(r"!([A-Z]+)!")


def _agent_term(raw: str) -> str:
    return " ".join(raw.replace("_", " ").lower().split()).strip(" ,")


def _regular_plural(term: str) -> str:
    if term.endswith("y") and term[-2:-1] not in "aeiou":
        return term[:-1] + "ies"
    if term.endswith(("s", "x", "ch", "sh")):
        return term + "es"
    return term + "s"


def agent_kind(term: str, *, prefix_code: bool = False) -> str:
    """GROUP when the code is an organisation prefix (``IGO~``) or the head noun is collective, else PERSON."""
    if prefix_code or term.split()[-1] in COLLECTIVE_NOUNS:
        return "GROUP"
    return "PERSON"


def _expand_markers(phrase: str, markers: dict[str, list[str]]) -> list[str]:
    """Substitute the first ``!MARKER!`` that stands between words; one inside a word is literal text."""
    for m in _MARKER.finditer(phrase):
        before, after = phrase[: m.start()], phrase[m.end():]
        if before[-1:].isalpha() and after[:1].isalpha():
            continue  # AD!MINIST!RATIVE: a typo for ADMINISTRATIVE
        if m.group(1) not in markers:
            raise _BadRole(f"substitution marker !{m.group(1)}! is not defined above")
        return [before + item + after for item in markers[m.group(1)]]
    return [phrase]


def parse_agents(lines: Iterable[str], *, origin: str) -> ImportResult:
    """Agent records (term, sector, kind) from a PETRARCH ``.agents`` dictionary."""
    result = ImportResult(counts={"lines": 0, "skipped_lines": 0})
    markers: dict[str, list[str]] = {}
    unmapped: dict[str, list[int]] = {}  # agent code -> lines, reported once per code
    seen: set[str] = set()
    for lineno, line in enumerate(lines, start=1):
        result.counts["lines"] = lineno
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "<")):
            continue
        text = _strip_comment(line).strip()
        if not text:
            continue
        if m := _MARKER_DEF.match(text):
            markers[m.group("marker")] = [i.strip() for i in m.group("items").split(",") if i.strip()]
            continue
        m = _AGENT_LINE.match(text)
        if not m:
            reason = "no [code]" if "[" not in text else "malformed brackets"
            result.warn(origin, lineno, f"{reason} in {text!r}; line skipped")
            continue
        raw_code = m.group("code").strip()
        prefix_code = raw_code.endswith("~")
        bare = raw_code.strip("~")
        if "~" not in raw_code or not bare.isalpha():
            result.warn(origin, lineno, f"agent code [{raw_code}] is not ~CODE or CODE~; line skipped")
            continue
        sector = bare[:3].upper()
        if sector not in SECTORS:
            unmapped.setdefault(raw_code, []).append(lineno)
            continue
        phrase = m.group("phrase").strip()
        try:
            phrases = _expand_markers(phrase, markers)
        except _BadRole as err:
            result.warn(origin, lineno, f"{err}; line skipped")
            continue
        plural = m.group("plural")
        terms = [_agent_term(_MARKER.sub(r"\1", p)) for p in phrases]
        if plural and plural.strip():
            terms.append(_agent_term(plural))
        emitted = set()
        for term in terms:
            # the matcher forms regular plurals itself; keep only irregular ones (men, thieves)
            if not term or any(_regular_plural(t) == term for t in emitted) or term in seen:
                continue
            emitted.add(term)
            seen.add(term)
            result.records.append(AgentRecord(term, sector, agent_kind(term, prefix_code=prefix_code), lineno))
    for raw_code, where in unmapped.items():
        result.warn(origin, where[0], f"agent code [{raw_code}]: {raw_code.strip('~')[:3]!r} "
                    f"is not a dyad sector (see SECTORS in dyad/actors/kb.py); {len(where)} line(s) skipped", skipped=len(where))
    result.counts["agents"] = len(result.records)
    return result


# ---------------------------------------------------------------- writers


def _iso3_codes() -> frozenset[str]:
    return frozenset(row["iso3"] for _, row in read_tsv(data_path("countries.tsv"), ("iso3",)))


def split_cameo_code(cameo_code: str, iso3: frozenset[str] | None = None) -> tuple[str, str]:
    """(country, sector) of a CAMEO code: ``RUSGOV`` -> (RUS, GOV), ``IGOUNO`` -> ("", IGO)."""
    iso3 = _iso3_codes() if iso3 is None else iso3
    country = cameo_code[:3] if cameo_code[:3] in iso3 else ""
    if country:
        sector = cameo_code[3:6] if cameo_code[3:6] in SECTORS else ""
    else:
        sector = cameo_code[:3] if cameo_code[:3] in SECTORS else ""
    return country, sector


def format_roles(roles: Iterable[Role]) -> str:
    """``CODE@START..END`` joined by ``|``; an undated role is the bare ``CODE``."""
    return "|".join(
        r.cameo_code if r.start is None and r.end is None else f"{r.cameo_code}@{r.start or ''}..{r.end or ''}"
        for r in roles
    )


def write_organizations_tsv(records: Iterable[ActorRecord], out: TextIO) -> int:
    """Write actor records in the ``organizations.tsv`` format plus a ``roles`` column; returns rows written."""
    iso3 = _iso3_codes()
    out.write("# Imported from a PETRARCH/TABARI dictionary by `dyad kb import`. Schema in dyad/data/README.md.\n")
    out.write("name\taliases\tcountry\tsector\tcode\troles\n")
    names: set[str] = set()
    n = 0
    for record in records:
        latest = current_role(record.roles)
        cameo_code = latest.cameo_code if latest else ""
        country, sector = split_cameo_code(cameo_code, iso3)
        name = record.name
        if name in names:  # the file's names must be unique: qualify like "Democratic Party (Italy)"
            name = f"{record.name} ({country or cameo_code})"
            k = 2
            while name in names:
                name, k = f"{record.name} ({country or cameo_code} {k})", k + 1
        names.add(name)
        out.write("\t".join([name, "|".join(record.aliases), country, sector, cameo_code,
                             format_roles(record.roles)]) + "\n")
        n += 1
    return n


def write_agents_tsv(records: Iterable[AgentRecord], out: TextIO) -> int:
    """Write agent records in the ``agents.tsv`` format; returns rows written."""
    out.write("# Imported from a PETRARCH agents dictionary by `dyad kb import`. Schema in dyad/data/README.md.\n")
    out.write("term\tsector\tkind\n")
    n = 0
    for record in records:
        out.write(f"{record.term}\t{record.sector}\t{record.kind}\n")
        n += 1
    return n


def read_dictionary(path: Path) -> tuple[list[str], str]:
    """The file's lines and the encoding that worked (UTF-8, else Latin-1)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DictionaryFileError(str(path), f"cannot read ({err.strerror}); check the path") from err
    if b"\x00" in data:
        raise DictionaryFileError(str(path), "is a binary file, not a text dictionary; pass a .actors or .agents file")
    try:
        return data.decode("utf-8").splitlines(), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1").splitlines(), "latin-1"
