"""Known people with dated roles: the Phoenix dictionaries' persons and the team's table of heads
of state and government and of foreign and defence ministers since 2000 (``heads_2000.tsv``).

A person is looked up by full name (never phrase-matched over the text, so an alias cannot turn
a word into an actor) and gets the country, sector and code of the role they held on the
article's publication date. Schema of both files in ``dyad/data/README.md``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..data_files import read_tsv, split_multi
from ..errors import DataFileError
from ..lexicons import word_class

SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD LEG MED NGO IGO CVL BUS EDU REL SPY LAB REF HLH UAF INS SEP ELI AGR CRM ENV".split()
)
HONORIFICS = frozenset(word_class("honorifics")) | frozenset(word_class("person_titles"))
ELITE = "ELI"  # CAMEO's sector for someone out of office: a former president is USAELI

DatedRole = tuple[str, str | None, str | None]  # (CAMEO code, ISO start or None, ISO end or None)


@dataclass(slots=True)
class Person:
    name: str
    roles: list[DatedRole] = field(default_factory=list)  # from Phoenix
    facts: list[DatedRole] = field(default_factory=list)  # from heads_2000.tsv: decide from their first start on


@dataclass(frozen=True, slots=True)
class Coded:
    country: str | None
    sector: str | None
    code: str | None


def name_keys(name: str) -> list[str]:
    """Lookup keys of a name: lower case, accents, dots and honorifics dropped; also without
    middle initials ("Donald J. Trump" -> "donald j trump", "donald trump")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace(".", " ").replace("’", "'")
    words = [w for w in re.split(r"[\s,]+", text) if w]
    while words and words[0] in HONORIFICS:
        words = words[1:]
    if not words:
        return []
    keys = [" ".join(words)]
    bare = [w for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1)]
    if len(bare) != len(words):
        keys.append(" ".join(bare))
    return keys


@dataclass
class PeopleTable:
    by_key: dict[str, list[Person]] = field(default_factory=dict)
    by_name: dict[str, Person] = field(default_factory=dict)
    by_surname: dict[str, list[Person]] | None = None  # built on first need, from by_name

    def person(self, name: str) -> Person:
        person = self.by_name.get(name)
        if person is None:
            person = self.by_name[name] = Person(name)
        return person

    def index(self, person: Person, forms: list[str]) -> None:
        for form in forms:
            for key in name_keys(form):
                bucket = self.by_key.setdefault(key, [])
                if person not in bucket:
                    bucket.append(person)

    def holder_by_surname(self, surname: str, day: date | None) -> Person | None:
        """The one known person of this surname in office on ``day`` (a dated role covering it):
        "Trump" in a 2018 article is Donald Trump, "Obama" in 2012 Barack Obama; None when no one
        or several are ("Clinton" in 2016: neither Bill nor Hillary held office), or without a day."""
        if day is None:
            return None
        if self.by_surname is None:
            self.by_surname = {}
            for person in self.by_name.values():
                keys = name_keys(person.name)
                if keys and len(keys[0].split()) > 1:
                    self.by_surname.setdefault(keys[0].split()[-1], []).append(person)
        iso = day.isoformat()
        holders = [p for p in self.by_surname.get(surname, ())
                   if any((r[1] or r[2]) and _covers(r, iso) for r in p.roles + p.facts)]
        return holders[0] if len(holders) == 1 else None

    def known_name(self, name: str) -> str | None:
        """The dictionary's name of the one person a name (or an alias of it) stands for:
        "Joseph R. Biden" and "Hillary Rodham Clinton" are "Joe Biden" and "Hillary Clinton";
        None when no one or several people answer to it ("George Bush")."""
        keys = name_keys(name)
        people = next((self.by_key[k] for k in keys if k in self.by_key), [])
        if len(people) != 1:
            return None
        # another form of the same name keeps its surname; a dictionary that files a person under
        # a body ("KHALED_MESHAAL" as a synonym of HAMAS) gives no name to take
        known = name_keys(people[0].name)
        return people[0].name if known and keys and known[0].split()[-1] == keys[0].split()[-1] else None

    def lookup(self, name: str, day: date | None, countries: frozenset[str] = frozenset()) -> Coded | None:
        """The code of the one person of this name on ``day``; None when unknown or ambiguous.
        Several people of one name are told apart by the countries the article names."""
        keys = name_keys(name)
        people = next((self.by_key[k] for k in keys if k in self.by_key), [])
        coded = [c for c in (code_on(p, day) for p in people) if c is not None]
        if len({c.code for c in coded}) > 1 and countries:
            coded = [c for c in coded if c.country in countries] or coded
        if not coded or len({c.code for c in coded}) > 1:
            return None
        return coded[0]


def _covers(role: DatedRole, day: str) -> bool:
    return (role[1] or "") <= day and (role[2] is None or day < role[2])


def _split(code: str, countries: frozenset[str] | None = None) -> Coded:
    if code[3:6] in SECTORS and code[:3] not in SECTORS:
        return Coded(code[:3], code[3:6], code[:6])
    if code[:3] in SECTORS:
        return Coded(None, code[:3], code[:6])
    return Coded(None, None, code[:6] or None)


def _pick(roles: list[DatedRole], day: str) -> Coded | None:
    covering = [r for r in roles if (r[1] or r[2]) and _covers(r, day)]
    if covering:
        return _split(max(covering, key=lambda r: r[1] or "")[0])
    return None


def code_on(person: Person, day: date | None) -> Coded | None:
    """The role held on ``day``: a dated role covering it (the latest-starting one); else the
    undated one; else, out of office, the country of the nearest role with sector ELI. Without
    a day, the current role. From the first start of a heads-table fact on, those facts decide."""
    iso = day.isoformat() if day else "9999-12-31"
    facts_from = min((f[1] for f in person.facts if f[1]), default=None)
    roles = person.facts if facts_from and (iso >= facts_from or not person.roles) else person.roles
    if not roles:
        return None
    found = _pick(roles, iso)
    if found is not None:
        return found
    undated = [r for r in roles if not r[1] and not r[2]]
    if undated and roles is person.roles:
        return _split(undated[0][0])
    nearest = min((r for r in roles if r[1] or r[2]),
                  key=lambda r: min(abs((date.fromisoformat(d) - date.fromisoformat(iso[:10])).days)
                                    for d in (r[1], r[2]) if d) if day else 0, default=None)
    if nearest is None:
        return None
    base = _split(nearest[0])
    if base.country is None:
        return base
    return Coded(base.country, ELITE, base.country + ELITE)


def load_heads(table: PeopleTable, path: Path) -> None:
    """``heads_2000.tsv``: one office held, a row: country, name, aliases, office, code, start, end."""
    for lineno, row in read_tsv(path, ("name", "country", "office", "code", "start", "end")):
        code = row["code"]
        if len(code) < 6 or code[:3] != row["country"]:
            raise DataFileError(str(path), lineno, f"code {code!r} must start with the country {row['country']!r}")
        for day in (row["start"], row["end"]):
            try:
                if day:
                    date.fromisoformat(day)
            except ValueError as err:
                raise DataFileError(str(path), lineno, f"bad date {day!r}; use YYYY-MM-DD") from err
        if not row["start"]:
            raise DataFileError(str(path), lineno, "empty 'start'")
        person = table.person(row["name"])
        person.facts.append((code, row["start"], row["end"] or None))
        table.index(person, [row["name"], *split_multi(row.get("aliases", ""))])
