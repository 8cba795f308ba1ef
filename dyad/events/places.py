"""Offline geocoding of event places against ``dyad/data/places.tsv`` (GeoNames, CC BY 4.0).

The gazetteer is built at build time by ``tools/build_places.py``; nothing is fetched at run
time. A country is placed at the population-weighted centre of its listed cities, a
representative point rather than a border-aware centroid.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..data_files import data_path, read_tsv, split_multi
from ..document import Place
from ..errors import DataFileError


@dataclass(frozen=True, slots=True)
class _Row:
    name: str
    country: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, tuple[_Row, ...]]
    country_points: dict[str, tuple[float, float]]

    def geocode(self, name: str, *, hints: Iterable[str] = ()) -> Place | None:
        """The place ``name`` most likely means: one in a country the article mentions, else
        the most populous of that name. None when the gazetteer does not know it."""
        rows = self.by_name.get(_key(name))
        if not rows:
            return None
        hinted = [r for r in rows if r.country in set(hints)]
        best = max(hinted or rows, key=lambda r: r.population)
        return Place(name=name, country=best.country, lat=best.lat, lon=best.lon)

    def country(self, name: str, iso3: str) -> Place:
        lat, lon = self.country_points.get(iso3, (None, None))
        return Place(name=name, country=iso3, lat=lat, lon=lon)


def _key(name: str) -> str:
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return name.lower()


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    path = data_path("places.tsv")
    by_name: dict[str, list[_Row]] = defaultdict(list)
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for lineno, row in read_tsv(path, ("name", "aliases", "country", "lat", "lon", "population", "kind")):
        try:
            place = _Row(row["name"], row["country"], float(row["lat"]), float(row["lon"]), int(row["population"] or 0))
        except ValueError as err:
            raise DataFileError(str(path), lineno, f"bad number ({err})") from err
        for form in [row["name"], *split_multi(row["aliases"])]:
            by_name[_key(form)].append(place)
        total = weights[place.country]
        total[0] += place.lat * place.population
        total[1] += place.lon * place.population
        total[2] += place.population
    points = {c: (round(w[0] / w[2], 4), round(w[1] / w[2], 4)) for c, w in weights.items() if w[2]}
    return Gazetteer({k: tuple(v) for k, v in by_name.items()}, points)
