"""Offline geocoding of event places against ``dyad/data/places.tsv.gz`` (GeoNames, CC BY 4.0)
and the team-written ``dyad/data/news_regions.tsv``.

The gazetteer is built at build time by ``tools/build_places.py``; nothing is fetched at run
time. It holds populated places down to about 1,000 people, first-level regions and countries.
A name several rows share is read in the article's context: a row in a country the article is
about (its dateline, its actors, the other places it names) or in a region it names beats a more
populous one elsewhere. A village (under ``TOWN`` people) is taken only for a name the parser
marks as a place, so a capitalised word is not read as an obscure hamlet.
"""
from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..data_files import data_path, read_tsv, split_multi
from ..document import Place
from ..errors import DataFileError

TOWN = 15_000
PRECISION = {"place": "place", "region": "region", "news_region": "region", "country": "country"}
_RANK = {"place": 0, "news_region": 1, "region": 2, "country": 3}  # finer first


@dataclass(frozen=True, slots=True)
class _Row:
    geonames_id: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str

    def place(self, name: str, precision: str | None = None) -> Place:
        return Place(name=name, country=self.country, lat=self.lat, lon=self.lon, geonames_id=self.geonames_id,
                     admin1=self.admin1 if self.feature == "place" else None, feature=self.feature,
                     precision=precision or PRECISION[self.feature])


class Gazetteer:
    """Names to gazetteer rows. Rows are kept as raw lines and parsed on first lookup, so loading
    150,000 rows costs one split per line."""

    def __init__(self, by_name: dict[str, tuple[int, ...]], lines: list[str], extra: list[_Row]) -> None:
        self.by_name = by_name
        self._lines = lines  # built rows, then the news regions as ready rows in ``extra``
        self._extra = extra
        self._parsed: dict[int, _Row] = {}
        self.country_points: dict[str, tuple[float, float]] = {}

    def _row(self, n: int) -> _Row:
        row = self._parsed.get(n)
        if row is None:
            row = self._extra[n - len(self._lines)] if n >= len(self._lines) else _parse(self._lines[n])
            self._parsed[n] = row
        return row

    def rows(self, name: str) -> tuple[_Row, ...]:
        return tuple(self._row(n) for n in self.by_name.get(_key(name), ()))

    def knows(self, name: str) -> bool:
        return _key(name) in self.by_name

    def geocode(self, name: str, *, hints: Iterable[str] = (), regions: Iterable[str] = (),
                villages: bool = True, features: Iterable[str] = ()) -> Place | None:
        """The place ``name`` most likely means: one in a country (``hints``) or region
        (``regions``) of the article, else the most populous of that name, a news region or
        populated place before a first-level region of the same name. None when unknown;
        villages only when ``villages``; only rows of ``features`` when given."""
        rows = self.rows(name)
        features = set(features)
        rows = [r for r in rows if (villages or r.feature != "place" or r.population >= TOWN)
                and (not features or r.feature in features)]
        if not rows:
            return None
        hints, regions = set(hints), {_key(r) for r in regions}

        def score(r: _Row):
            return (r.country in hints, bool(r.admin1) and _key(r.admin1) in regions,
                    r.feature == "news_region", r.population >= TOWN, -_RANK[r.feature], r.population)

        best = max(rows, key=score)
        return self.country(_strip_the(name), best.country) if best.feature == "country" else best.place(_strip_the(name))

    def country(self, name: str, iso3: str) -> Place:
        lat, lon = country_points(self).get(iso3, (None, None))
        row = next((r for r in self.rows(name) if r.feature == "country" and r.country == iso3), None)
        return Place(name=name, country=iso3, lat=lat, lon=lon, geonames_id=row.geonames_id if row else None,
                     feature="country", precision="country")


def _strip_the(name: str) -> str:
    name = name.strip()
    return name[4:] if name.lower().startswith("the ") else name


def _key(name: str) -> str:
    return _strip_the(name).lower()


def _number(value: str, cast, path, lineno):
    try:
        return cast(value) if value else None
    except ValueError as err:
        raise DataFileError(str(path), lineno, f"bad number ({err})") from err


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    path = data_path("places.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = [line for line in handle.read().split("\n") if line and not line.startswith("#")][1:]
    by_name: dict[str, list[int]] = defaultdict(list)
    for n, line in enumerate(lines):
        _, name, aliases, _ = line.split("\t", 3)
        by_name[name.lower()].append(n)
        if aliases:
            for alias in aliases.split("|"):
                by_name[alias.lower()].append(n)
    extra = []
    regions = data_path("news_regions.tsv")
    for lineno, cells in read_tsv(regions, ("name", "aliases", "country", "lat", "lon")):
        # a sea or strait several countries border has no country ("the South China Sea")
        extra.append(_Row(None, cells["name"], cells["country"] or None, None, _number(cells["lat"], float, regions, lineno),
                          _number(cells["lon"], float, regions, lineno), 0, "news_region"))
        for form in [cells["name"], *split_multi(cells["aliases"])]:
            by_name[form.lower()].append(len(lines) + len(extra) - 1)
    return Gazetteer({k: tuple(v) for k, v in by_name.items()}, lines, extra)


@lru_cache(maxsize=1)
def country_points(gazetteer: Gazetteer) -> dict[str, tuple[float, float]]:
    """A country's representative point: the population-weighted centre of its towns."""
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for line in gazetteer._lines:
        cells = line.split("\t")
        if cells[8] == "place" and int(cells[7]) >= TOWN:
            total = weights[cells[3]]
            total[0] += float(cells[5]) * int(cells[7])
            total[1] += float(cells[6]) * int(cells[7])
            total[2] += int(cells[7])
    return {c: (round(w[0] / w[2], 4), round(w[1] / w[2], 4)) for c, w in weights.items() if w[2]}


def _parse(line: str) -> _Row:
    gid, name, _, country, admin1, lat, lon, population, feature = line.split("\t")
    return _Row(int(gid) if gid else None, name, country, admin1 or None, float(lat) if lat else None,
                float(lon) if lon else None, int(population or 0), feature)
