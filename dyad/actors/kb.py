"""The actor knowledge base: countries, international bodies, organisations and agent words.

Loaded from the editable TSV files in ``dyad/data/`` (schema in
``dyad/data/README.md``); users add their own organisations with ``--kb``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..data_files import data_path, read_tsv, split_multi
from ..errors import DataFileError
from .people import SECTORS, PeopleTable, load_heads  # noqa: F401 (SECTORS is read from here)



@dataclass(frozen=True, slots=True)
class Entry:
    """One known actor: a country, an international body or an organisation."""

    key: str  # unique: ISO alpha-3 for countries, the name otherwise
    name: str
    kind: str  # COUNTRY, IGO, ORGANIZATION
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    members: tuple[str, ...] = ()
    # dated CAMEO codes (code, start, end) with ISO dates or None; not used by matching yet
    roles: tuple[tuple[str, str | None, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class Agent:
    term: str
    sector: str
    kind: str  # PERSON or GROUP


@dataclass(eq=False)  # identity-hashed so compiled matchers can be cached per knowledge base
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    # surface form (as written, without a leading "the") -> (entry key, via)
    surfaces: dict[str, tuple[str, str]] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    # lower-cased surface forms that bodies of several countries share ("Congress")
    shared_names: set[str] = field(default_factory=set)
    # known people with dated roles (Phoenix, heads_2000.tsv), looked up by full name
    people: PeopleTable = field(default_factory=PeopleTable)

    def add(self, entry: Entry, forms: Iterable[tuple[str, str]]) -> None:
        self.entries[entry.key] = entry
        for form, via in forms:
            form = _strip_article(form)
            # First writer wins so a country's own name is never taken over by
            # an organisation alias loaded later; user files load first.
            if form and form not in self.surfaces:
                self.surfaces[form] = (entry.key, via)

    def is_shared(self, form: str) -> bool:
        """A name bodies of several countries share: its entry holds only in context."""
        return _strip_article(form).lower() in self.shared_names

    def agent_for(self, words: str) -> Agent | None:
        """The longest agent term ending ``words`` ("Russian Foreign Minister" -> foreign minister)."""
        tokens = words.lower().replace("-", " ").split()
        for start in range(len(tokens)):
            candidate = " ".join(tokens[start:])
            for form in (candidate, _singular(candidate)):
                if form in self.agents:
                    return self.agents[form]
        return None

    def find_agent(self, words: str) -> Agent | None:
        """The longest agent term anywhere in ``words``."""
        tokens = words.lower().replace("-", " ").split()
        best: Agent | None = None
        for start in range(len(tokens)):
            for end in range(len(tokens), start, -1):
                if best and end - start <= len(best.term.split()):
                    break
                candidate = " ".join(tokens[start:end])
                for form in (candidate, _singular(candidate)):
                    if form in self.agents:
                        best = self.agents[form]
        return best


def _strip_article(form: str) -> str:
    form = form.strip()
    return form[4:] if form.lower().startswith("the ") else form


def _singular(phrase: str) -> str:
    if phrase.endswith("ies") and len(phrase) > 4:
        return phrase[:-3] + "y"
    if phrase.endswith(("ches", "shes", "sses", "xes")):
        return phrase[:-2]
    if phrase.endswith("men"):
        return phrase[:-3] + "man"
    if phrase.endswith("s") and not phrase.endswith("ss"):
        return phrase[:-1]
    return phrase


def _sector(path: Path, lineno: int, value: str) -> str | None:
    if not value:
        return None
    if value not in SECTORS:
        raise DataFileError(str(path), lineno, f"unknown sector {value!r}; use one of {', '.join(sorted(SECTORS))}")
    return value


def load_countries(kb: KnowledgeBase, path: Path) -> None:
    for lineno, row in read_tsv(path, ("iso3", "name", "aliases", "demonyms", "capitals")):
        iso3 = row["iso3"]
        if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
            raise DataFileError(str(path), lineno, f"bad ISO alpha-3 code {iso3!r}")
        forms = [(row["name"], "name")]
        forms += [(a, "alias") for a in split_multi(row["aliases"])]
        forms += [(d, "demonym") for d in split_multi(row["demonyms"])]
        forms += [(c, "capital") for c in split_multi(row["capitals"])]
        kb.add(Entry(iso3, row["name"], "COUNTRY", country=iso3, code=iso3), forms)


def load_igos(kb: KnowledgeBase, path: Path) -> None:
    for lineno, row in read_tsv(path, ("code", "name", "aliases", "members", "country", "sector")):
        sector = _sector(path, lineno, row["sector"]) or "IGO"
        kind = "IGO" if sector == "IGO" else "ORGANIZATION"
        # codes are shared (the UN and its Security Council are both IGOUNO): the name is the key
        entry = Entry(row["name"], row["name"], kind, country=row["country"] or None, sector=sector,
                      code=row["code"], members=tuple(split_multi(row["members"])))
        kb.add(entry, [(row["name"], "name")] + [(a, "alias") for a in split_multi(row["aliases"])])


def _roles(path: Path, lineno: int, value: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """The optional ``roles`` column: ``CODE`` or ``CODE@START..END`` (ISO dates, either may be empty), ``|``-separated."""
    roles = []
    for item in split_multi(value):
        code, at, span = item.partition("@")
        start, dots, end = span.partition("..")
        if not code or (at and not dots):
            raise DataFileError(str(path), lineno, f"bad role {item!r}; write CODE or CODE@YYYY-MM-DD..YYYY-MM-DD")
        for day in (start, end):
            try:
                if day:
                    date.fromisoformat(day)
            except ValueError as err:
                raise DataFileError(str(path), lineno, f"bad date {day!r} in role {item!r}; use YYYY-MM-DD") from err
        roles.append((code, start or None, end or None))
    return tuple(roles)


def load_organizations(kb: KnowledgeBase, path: Path) -> None:
    for lineno, row in read_tsv(path, ("name", "aliases", "country", "sector", "code")):
        sector = _sector(path, lineno, row["sector"])
        country = row["country"] or None
        code = row["code"] or ((country or "") + (sector or "") or None)
        entry = Entry(row["name"], row["name"], "ORGANIZATION", country=country, sector=sector, code=code,
                      roles=_roles(path, lineno, row.get("roles", "")))
        kb.add(entry, [(row["name"], "name")] + [(a, "alias") for a in split_multi(row["aliases"])])


def load_phoenix(kb: KnowledgeBase, path: Path) -> None:
    """``phoenix_actors.tsv.gz``: persons into the people table, bodies matched like organisations."""
    for lineno, row in read_tsv(path, ("name", "aliases", "kind", "country", "sector", "code", "roles")):
        roles = _roles(path, lineno, row["roles"])
        aliases = split_multi(row["aliases"])
        if row["kind"] == "PERSON":
            person = kb.people.person(row["name"])
            person.roles.extend(roles)
            kb.people.index(person, [row["name"], *aliases])
            continue
        sector = row["sector"] if row["sector"] in SECTORS else None
        kind = "IGO" if row["kind"] == "IGO" else "ORGANIZATION"
        entry = Entry(row["name"], row["name"], kind, country=row["country"] or None, sector=sector,
                      code=row["code"][:6] or None, roles=roles)
        if entry.key in kb.entries:
            continue  # the hand-kept files win
        forms = [(f, via) for f, via in [(row["name"], "name")] + [(a, "alias") for a in aliases] if _distinctive(f)]
        if forms:
            kb.add(entry, forms)


def _distinctive(form: str) -> bool:
    """A dictionary name safe to match over text: two words or more, or an acronym of three
    letters or more ("Fars", "Ports" or "AP" alone would turn ordinary words into bodies)."""
    return len(form.split()) > 1 or (form.isupper() and len(form) >= 3)


def load_agents(kb: KnowledgeBase, path: Path) -> None:
    for lineno, row in read_tsv(path, ("term", "sector", "kind")):
        sector = _sector(path, lineno, row["sector"])
        if sector is None:
            raise DataFileError(str(path), lineno, "empty sector")
        kind = row["kind"] or "PERSON"
        if kind not in ("PERSON", "GROUP"):
            raise DataFileError(str(path), lineno, f"kind {kind!r} must be PERSON or GROUP")
        term = " ".join(row["term"].lower().replace("-", " ").split())
        kb.agents.setdefault(term, Agent(term, sector, kind))


def load_shared_names(kb: KnowledgeBase, path: Path) -> None:
    for lineno, row in read_tsv(path, ("name", "note")):
        if _strip_article(row["name"]) not in kb.surfaces:
            raise DataFileError(str(path), lineno, f"{row['name']!r} is no name or alias in the knowledge base")
        kb.shared_names.add(_strip_article(row["name"]).lower())


def load_kb(extra: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The built-in knowledge base, with the user's organisation files loaded first."""
    extra = tuple(str(p) for p in extra)
    return _load_kb(extra)


@lru_cache(maxsize=8)
def _load_kb(extra: tuple[str, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for user_file in extra:
        load_organizations(kb, Path(user_file))
    load_countries(kb, data_path("countries.tsv"))
    load_igos(kb, data_path("igos.tsv"))
    load_organizations(kb, data_path("organizations.tsv"))
    load_heads(kb.people, data_path("heads_2000.tsv"))
    load_phoenix(kb, data_path("phoenix_actors.tsv.gz"))
    load_agents(kb, data_path("agents.tsv"))
    load_shared_names(kb, data_path("shared_names.tsv"))
    return kb
